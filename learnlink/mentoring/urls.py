from django.urls import include, path

app_name = "mentoring"
urlpatterns: list = [
    path("syntheses/", include("learnlink.mentoring.syntheses.urls")),
    path("cleanup/", include("learnlink.mentoring.cleanup.urls")),
    path("introductions/", include("learnlink.mentoring.introductions.urls")),
]
