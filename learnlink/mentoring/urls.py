from django.urls import include, path

app_name = "mentoring"
urlpatterns: list = [
    path("writeups/", include("learnlink.mentoring.writeups.urls")),
]
