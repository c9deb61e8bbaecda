"""The public site's Atom feeds, mounted at /feeds/ by the project's urls."""

from django.urls import path

from learnlink.knowledge.feeds import PracticesFeed
from learnlink.knowledge.story_feeds import NewsFeed, StoriesFeed

app_name = "feeds"

urlpatterns = [
    path("practices/", PracticesFeed(), name="practices"),
    path("stories/", StoriesFeed(), name="stories"),
    path("news/", NewsFeed(), name="news"),
]
