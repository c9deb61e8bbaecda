from django.urls import path

from learnlink.knowledge import story_views as views

app_name = "stories"

urlpatterns = [
    path("", views.stories, name="list"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.story, name="story"),
    path("<int:pk>/photo.jpg", views.photo, name="photo"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/publish/", views.publish, name="publish"),
]
