from django.urls import path

from learnlink.exchange import my_views

app_name = "me"
urlpatterns = [
    path("", my_views.home, name="home"),
    path("language/", my_views.language, name="language"),
    path("addresses/<int:pk>/restart/", my_views.restart, name="restart"),
    path("groups/<slug:slug>/mode/", my_views.mode, name="mode"),
    path("groups/<slug:slug>/leave/", my_views.leave_group, name="leave"),
    path("groups/<slug:slug>/held-notices/", my_views.held_notices, name="held_notices"),
]
