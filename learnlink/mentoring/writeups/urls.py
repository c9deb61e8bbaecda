from django.urls import path

from learnlink.mentoring.writeups import views

app_name = "writeups"
urlpatterns = [
    path("", views.writeups, name="list"),
    path("published/", views.published, name="published"),
    path("new/thread/<int:pk>/", views.new_from_thread, name="new_from_thread"),
    path("new/group/<slug:slug>/", views.new_from_guide, name="new_from_guide"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/send/", views.send, name="send"),
    path("<int:pk>/comment/", views.comment, name="comment"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/publishing/", views.publishing, name="publishing"),
    path("<int:pk>/versions/<int:number>/", views.version, name="version"),
]
