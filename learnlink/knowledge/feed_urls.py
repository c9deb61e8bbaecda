"""The public site's Atom feeds, mounted at /feeds/ by the project's urls."""

from django.urls import path

from learnlink.knowledge.feeds import GroupFeed, PracticesFeed

app_name = "feeds"

urlpatterns = [
    path("practices/", PracticesFeed(), name="practices"),
    path("groups/<slug:slug>/", GroupFeed(), name="group"),
]
