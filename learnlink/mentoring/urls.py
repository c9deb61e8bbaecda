from django.urls import path

from learnlink.mentoring.dashboard import views as dashboard

app_name = "mentoring"
# A group's dashboard answers /mentoring/<slug>/: the tools' own paths come before it.
urlpatterns: list = [
    path("", dashboard.dashboard, name="dashboard"),
    path("<slug:slug>/", dashboard.group_dashboard, name="group"),
    path("<slug:slug>/settings/", dashboard.group_settings, name="group_settings"),
]
