"""The public site's sitemap: the home, the library and its report, the published practices,
stories, news and interviews, the public groups and their threads; only what a guest reads
(`permissions`). Django's sitemaps run without the sites framework: the request's own
address is the domain.

`SITEMAPS` is the one dict the project mounts; another part of the site joins it with a
section of its own (as stories, news and interviews do). Each section is split into pages of
`LIMIT` addresses under one sitemap index, so no answer grows with the archive.
"""

from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from learnlink.exchange.models import Group, Thread
from learnlink.knowledge import permissions
from learnlink.knowledge.models import Practice, Story

LIMIT = 5000


class PagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["home", "knowledge:practices", "knowledge:report", "stories:list",
                "exchange:groups"]

    def location(self, item: str) -> str:
        return reverse(item)


class PracticesSitemap(Sitemap):
    limit = LIMIT

    def items(self) -> QuerySet[Practice]:
        return Practice.objects.published().only("pk", "updated").order_by("pk")

    def lastmod(self, item: Practice) -> datetime.datetime:
        return item.updated


class StoriesSitemap(Sitemap):
    """Published stories, news and interviews (their photos are on their pages)."""

    limit = LIMIT

    def items(self) -> QuerySet[Story]:
        return Story.objects.published().only("pk", "updated").order_by("pk")

    def lastmod(self, item: Story) -> datetime.datetime:
        return item.updated


class GroupsSitemap(Sitemap):
    limit = LIMIT

    def items(self) -> QuerySet[Group]:
        return permissions.public_groups().only("pk", "slug").order_by("pk")

    def location(self, item: Group) -> str:
        return item.get_absolute_url()


class ThreadsSitemap(Sitemap):
    limit = LIMIT

    def items(self) -> QuerySet[Thread]:
        return (Thread.objects.filter(group__in=permissions.public_groups())
                .select_related("group").only("pk", "last_activity", "group__slug")
                .order_by("pk"))

    def lastmod(self, item: Thread) -> datetime.datetime:
        return item.last_activity


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": PagesSitemap,
    "practices": PracticesSitemap,
    "stories": StoriesSitemap,
    "groups": GroupsSitemap,
    "threads": ThreadsSitemap,
}
