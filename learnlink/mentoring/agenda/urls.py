from django.urls import path

from learnlink.mentoring.agenda import views

# Included under the mentoring namespace at <slug>/agenda/: mentoring:agenda and the others.
urlpatterns = [
    path("", views.agenda, name="agenda"),
    path("propose/", views.propose, name="agenda_propose"),
    path("workshop/", views.workshop, name="agenda_workshop"),
    path("link/", views.link_thread, name="agenda_link"),
    path("<int:pk>/", views.topic, name="agenda_topic"),
    path("<int:pk>/support/", views.support, name="agenda_support"),
    path("<int:pk>/state/", views.change_state, name="agenda_state"),
    path("<int:pk>/synthesis/", views.name_synthesis, name="agenda_synthesis"),
    path("<int:pk>/dialogue/", views.start_dialogue, name="agenda_dialogue"),
    path("<int:pk>/dialogue/close/", views.close_dialogue, name="agenda_dialogue_close"),
]
