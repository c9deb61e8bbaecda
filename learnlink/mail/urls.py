from django.urls import path

from learnlink.mail import views

app_name = "mail"
urlpatterns = [
    path("", views.outbox, name="outbox"),
    path("<int:pk>/", views.outgoing, name="outgoing"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/<slug:app>/", views.catalogue, name="catalogue_app"),
]
