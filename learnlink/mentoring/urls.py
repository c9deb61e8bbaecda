from django.urls import path

from learnlink.mentoring.labels import views as labels

app_name = "mentoring"
urlpatterns: list = [
    path("labels/thread/<int:pk>/", labels.change, name="labels_change"),
]
