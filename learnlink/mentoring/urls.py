from django.urls import include, path

app_name = "mentoring"
urlpatterns: list = [
    path("introductions/", include("learnlink.mentoring.introductions.urls")),
]
