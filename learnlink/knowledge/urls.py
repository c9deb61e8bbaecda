from django.urls import path

from learnlink.knowledge import report_views, views

app_name = "knowledge"

urlpatterns = [
    path("", views.practices, name="practices"),
    path("new/", views.new, name="new"),
    path("report/", report_views.report, name="report"),
    path("report/diffusion.csv", report_views.network_download, {"kind": "csv"},
         name="report_csv"),
    path("report/diffusion.graphml", report_views.network_download, {"kind": "graphml"},
         name="report_graphml"),
    path("from-writeup/<int:pk>/", views.from_writeup, name="from_writeup"),
    path("<int:pk>/", views.practice, name="practice"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/diffusion.csv", report_views.practice_download, {"kind": "csv"},
         name="diffusion_csv"),
    path("<int:pk>/diffusion.graphml", report_views.practice_download, {"kind": "graphml"},
         name="diffusion_graphml"),
    path("<int:pk>/state/", views.change_state, name="state"),
    path("<int:pk>/origin/", views.origin, name="origin"),
    path("<int:pk>/adoptions/new/", views.add_adoption, name="add_adoption"),
]
