from django.urls import include, path

app_name = "mentoring"
urlpatterns: list = [
    path("cleanup/", include("learnlink.mentoring.cleanup.urls")),
]
