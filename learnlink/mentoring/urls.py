from django.urls import path

from learnlink.mentoring.peers import views as peers

app_name = "mentoring"
urlpatterns: list = [
    path("peers/", peers.finder, name="peers"),
]
