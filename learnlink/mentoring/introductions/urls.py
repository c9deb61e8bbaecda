from django.urls import path

from learnlink.mentoring.introductions import views

# Included under the mentoring namespace: mentoring:introduction_new and the others.
urlpatterns = [
    path("", views.introduction_list, name="introductions"),
    path("new/", views.new, name="introduction_new"),
    path("<int:pk>/", views.introduction, name="introduction"),
    path("<int:pk>/remind/", views.remind, name="introduction_remind"),
]
