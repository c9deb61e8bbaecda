"""The Atom feed of the library (Django's syndication): the latest published practices. Feed
readers never sign in, so it holds only what a guest reads, whoever asks. (A group's feed is
the exchange's, `exchange.feeds`; the stories' are in `story_feeds`.)"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from learnlink.knowledge.models import Practice

LATEST = 20


class PracticesFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Practices of the Learnlink network")

    def subtitle(self) -> str:
        return _("What groups of the network did, what came of it, and how other groups made "
                 "it their own.")

    def link(self) -> str:
        return reverse("knowledge:practices")

    def items(self) -> list[Practice]:
        return list(Practice.objects.published().select_related("mentor")
                    .prefetch_related("authors").order_by("-published", "-pk")[:LATEST])

    def item_title(self, item: Practice) -> str:
        return item.title

    def item_description(self, item: Practice) -> str:
        return item.summary

    def item_pubdate(self, item: Practice) -> datetime.datetime:
        return item.published or item.created

    def item_updateddate(self, item: Practice) -> datetime.datetime:
        return item.updated

    def item_author_name(self, item: Practice) -> str:
        """The authors, then the mentor who coached them."""
        names = [author.name for author in item.authors.all()]
        if item.mentor is not None:
            names.append(_("%(name)s (mentor)") % {"name": item.mentor.name})
        return ", ".join(names)
