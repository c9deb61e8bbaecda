"""The synthesis pages, under /mentoring/syntheses/ (names in the `mentoring` namespace)."""

from django.urls import path

from learnlink.mentoring.syntheses import views

urlpatterns = [
    path("", views.syntheses, name="syntheses"),
    path("threads/<int:pk>/draft/", views.thread_draft, name="synthesis_draft"),
    path("threads/<int:pk>/save/", views.thread_save, name="synthesis_save"),
    path("groups/<slug:slug>/", views.pick, name="syntheses_pick"),
    path("groups/<slug:slug>/draft/", views.group_draft, name="syntheses_draft"),
    path("groups/<slug:slug>/save/", views.group_save, name="syntheses_save"),
    path("<int:pk>/", views.synthesis, name="synthesis"),
    path("<int:pk>/versions/<int:number>/", views.version, name="synthesis_version"),
    path("<int:pk>/edit/<str:language>/", views.edit, name="synthesis_edit"),
    path("<int:pk>/check/<str:language>/", views.check, name="synthesis_check"),
    path("<int:pk>/publish/", views.publish, name="synthesis_publish"),
    path("<int:pk>/withdraw/", views.withdraw, name="synthesis_withdraw"),
    path("<int:pk>/send/", views.send, name="synthesis_send"),
]
