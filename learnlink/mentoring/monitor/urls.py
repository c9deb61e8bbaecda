from django.urls import path

from learnlink.mentoring.monitor import views

# Added to mentoring's own patterns: the network view, and a group's monitor under its
# dashboard (groups/<slug>/).
network = [path("monitor/", views.network, name="monitor_network")]
groups = [
    path("groups/<slug:slug>/monitor/", views.group_monitor, name="monitor"),
    path("groups/<slug:slug>/monitor/export.xlsx", views.export, name="monitor_export"),
    path("groups/<slug:slug>/monitor/<slug:organisation>/", views.organisation_journal,
         name="monitor_journal"),
]
