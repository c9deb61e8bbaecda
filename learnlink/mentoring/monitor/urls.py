from django.urls import path

from learnlink.mentoring.monitor import views

# Added to mentoring's own patterns: the network view before the group paths, which start
# with the group's slug.
network = [path("monitor/", views.network, name="monitor_network")]
groups = [
    path("<slug:slug>/monitor/", views.group_monitor, name="monitor"),
    path("<slug:slug>/monitor/export.xlsx", views.export, name="monitor_export"),
    path("<slug:slug>/monitor/<slug:organisation>/", views.organisation_journal,
         name="monitor_journal"),
]
