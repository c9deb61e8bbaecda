from django.urls import path

from learnlink.web import views

urlpatterns = [
    path("", views.home, name="home"),
]
