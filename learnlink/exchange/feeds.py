"""A public group's Atom feed (Django's syndication), at /feeds/groups/SLUG/: its latest
discussions as its archive page lists them. Feed readers never sign in, so a members-only
group's feed does not exist for anyone (`permissions.group_for_feed`), its members too."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learnlink.exchange import permissions
from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.probable_replies import thread_families

LATEST = 20
WORDS = 60


class GroupFeed(Feed):
    """A public group's threads as its archive page lists them, the newest activity first: a
    thread and its probable replies once, at the latest of them (see exchange's
    probable_replies), each with its latest message's words (a removed message's never)."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> Group:
        return permissions.group_for_feed(slug)

    def title(self, obj: Group) -> str:
        return _("%(group)s: latest discussions") % {"group": obj.name}

    def subtitle(self, obj: Group) -> str:
        return obj.description or obj.address

    def link(self, obj: Group) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Group) -> list[Thread]:
        latest = (Message.objects.filter(thread=OuterRef("pk"), is_placeholder=False,
                                         removed__isnull=True).order_by("-date", "-pk"))
        unlisted = thread_families(obj).unlisted(by_activity=True)
        return list(Thread.objects.latest_in(obj).exclude(pk__in=unlisted)
                    .select_related("group")
                    .annotate(latest_text=Subquery(latest.values("text")[:1]))[:LATEST])

    def item_title(self, item: Thread) -> str:
        return item.subject

    def item_description(self, item: Thread) -> str:
        count = ngettext("%(count)d message", "%(count)d messages",
                         item.message_count) % {"count": item.message_count}
        words = Truncator(getattr(item, "latest_text", "") or "").words(WORDS)
        return f"{count}. {words}" if words else count

    def item_pubdate(self, item: Thread) -> datetime.datetime:
        return item.started

    def item_updateddate(self, item: Thread) -> datetime.datetime:
        return item.last_activity
