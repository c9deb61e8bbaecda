"""The library's addresses, under /mentoring/ (the mentoring app's namespace)."""

from django.urls import path

from learnlink.mentoring.resources import views

urlpatterns = [
    path("resources/", views.resource_list, name="resources"),
    path("resources/add/<str:kind>/", views.add, name="resource_add"),
    path("resources/<int:pk>/", views.resource, name="resource"),
    path("resources/<int:pk>/edit/", views.edit, name="resource_edit"),
    path("resources/<int:pk>/remove/", views.remove, name="resource_remove"),
    path("resources/<int:pk>/file/<str:filename>", views.resource_file, name="resource_file"),
    path("threads/<int:thread_pk>/resources/<int:pk>/attach/", views.attach,
         name="resource_attach"),
    path("threads/<int:thread_pk>/resources/<int:pk>/detach/", views.detach,
         name="resource_detach"),
]
