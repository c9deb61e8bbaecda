from django.urls import path

from learnlink.alliance import views

app_name = "alliance"
urlpatterns = [
    path("", views.alliance_list, name="alliances"),
    path("<slug:slug>/", views.dashboard, name="alliance"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/export.xlsx", views.spreadsheet, name="export"),
]
