from django.urls import path

from learnlink.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.practices, name="practices"),
    path("new/", views.new, name="new"),
    path("from-writeup/<int:pk>/", views.from_writeup, name="from_writeup"),
    path("<int:pk>/", views.practice, name="practice"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/state/", views.change_state, name="state"),
    path("<int:pk>/origin/", views.origin, name="origin"),
    path("<int:pk>/adoptions/new/", views.add_adoption, name="add_adoption"),
]
