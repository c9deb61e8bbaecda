from django.urls import include, path

from learnlink.mentoring.dashboard import views as dashboard
from learnlink.mentoring.labels import views as labels
from learnlink.mentoring.monitor import urls as monitor
from learnlink.mentoring.nudges import views as nudges
from learnlink.mentoring.peers import views as peers
from learnlink.mentoring.resources.urls import urlpatterns as resources

app_name = "mentoring"
# A group's dashboard is under groups/, so that no group's slug is taken for a tool's path.
urlpatterns: list = [
    path("", dashboard.dashboard, name="dashboard"),
    *resources,
    path("writeups/", include("learnlink.mentoring.writeups.urls")),
    path("labels/thread/<int:pk>/", labels.change, name="labels_change"),
    path("peers/", peers.finder, name="peers"),
    path("syntheses/", include("learnlink.mentoring.syntheses.urls")),
    path("cleanup/", include("learnlink.mentoring.cleanup.urls")),
    path("introductions/", include("learnlink.mentoring.introductions.urls")),
    path("nudges/", include("learnlink.mentoring.nudges.urls")),
    path("contracts/", include("learnlink.mentoring.contracts.urls")),
    *monitor.network,
    path("groups/<slug:slug>/", dashboard.group_dashboard, name="group"),
    path("groups/<slug:slug>/settings/", dashboard.group_settings, name="group_settings"),
    path("groups/<slug:slug>/nudges/", nudges.switch, name="group_nudges"),
    path("groups/<slug:slug>/agenda/", include("learnlink.mentoring.agenda.urls")),
    *monitor.groups,
]
