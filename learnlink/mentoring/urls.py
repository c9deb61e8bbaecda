from django.urls import include, path

from learnlink.mentoring.dashboard import views as dashboard
from learnlink.mentoring.labels import views as labels
from learnlink.mentoring.monitor import urls as monitor
from learnlink.mentoring.peers import views as peers
from learnlink.mentoring.resources.urls import urlpatterns as resources

app_name = "mentoring"
# A group's dashboard answers /mentoring/<slug>/: the tools' own paths come before it.
urlpatterns: list = [
    path("", dashboard.dashboard, name="dashboard"),
    *resources,
    path("writeups/", include("learnlink.mentoring.writeups.urls")),
    path("labels/thread/<int:pk>/", labels.change, name="labels_change"),
    path("peers/", peers.finder, name="peers"),
    path("syntheses/", include("learnlink.mentoring.syntheses.urls")),
    path("cleanup/", include("learnlink.mentoring.cleanup.urls")),
    path("introductions/", include("learnlink.mentoring.introductions.urls")),
    *monitor.network,
    *monitor.groups,
    path("<slug:slug>/", dashboard.group_dashboard, name="group"),
    path("<slug:slug>/settings/", dashboard.group_settings, name="group_settings"),
]
