"""Atom feeds of what the network published: stories and interviews at /feeds/stories/, news
at /feeds/news/. Only published pieces, the latest 20, for any feed reader without an account."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from learnlink.knowledge.models import Story, StoryKind

LATEST = 20


class _PublishedStories(Feed):
    feed_type = Atom1Feed
    kinds: tuple[str, ...] = ()
    list_kind = ""

    def link(self) -> str:
        return f"{reverse('stories:list')}?kind={self.list_kind}"

    def items(self) -> QuerySet[Story]:
        return (Story.objects.published().filter(kind__in=self.kinds).defer("photo")
                .select_related("author").order_by("-published", "-pk")[:LATEST])

    def item_title(self, item: Story) -> str:
        return item.title

    def item_description(self, item: Story) -> str:
        return item.summary

    def item_link(self, item: Story) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Story) -> datetime.datetime | None:
        return item.published

    def item_updateddate(self, item: Story) -> datetime.datetime:
        return item.updated

    def item_author_name(self, item: Story) -> str:
        return item.writer


class StoriesFeed(_PublishedStories):
    title = _("Learnlink: stories and interviews")
    subtitle = _("Stories of the network's groups and interviews with learners.")
    kinds = (StoryKind.STORY, StoryKind.INTERVIEW)
    list_kind = StoryKind.STORY


class NewsFeed(_PublishedStories):
    title = _("Learnlink: news")
    subtitle = _("News of the network.")
    kinds = (StoryKind.NEWS,)
    list_kind = StoryKind.NEWS
