from django.urls import path

from learnlink.mentoring.cleanup import views

app_name = "cleanup"
urlpatterns = [
    path("threads/<int:pk>/", views.thread_tools, name="thread"),
    path("threads/<int:pk>/log/", views.log, name="log"),
    path("threads/<int:pk>/rename/", views.rename, name="rename"),
    path("threads/<int:pk>/merge/", views.merge, name="merge"),
    path("messages/<int:pk>/", views.message_tools, name="message"),
    path("messages/<int:pk>/move/", views.move, name="move"),
    path("messages/<int:pk>/split/", views.split, name="split"),
    path("messages/<int:pk>/remove/", views.remove, name="remove"),
    path("messages/<int:pk>/accept/", views.accept, name="accept"),
    path("messages/<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path("log/<int:pk>/undo/", views.undo, name="undo"),
]
