from django.urls import path

from learnlink.people import views

app_name = "people"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("organisations/<slug:slug>/", views.organisation, name="organisation"),
    path("people/<slug:slug>/", views.person, name="person"),
]
