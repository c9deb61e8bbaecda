from django.urls import path

from learnlink.web import health, views

urlpatterns = [
    path("", views.home, name="home"),
    path("health", health.health, name="health"),
]
