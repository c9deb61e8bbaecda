"""Searching the archive as a given user: only the groups they may read, hits as messages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from learnlink.exchange.models import Group, Message
from learnlink.lib.links import absolute
from learnlink.search.engine import search


@dataclass(frozen=True)
class MessageHit:
    message: Message
    snippet_html: SafeString
    snippet_text: str

    @property
    def url(self) -> str:
        return absolute(self.message.get_absolute_url())

    def as_api(self) -> dict[str, object]:
        m = self.message
        return {"message_id": m.message_id, "thread": m.thread_id, "group": m.group.slug,
                "subject": m.subject, "sender": m.sender_label(),
                "date": m.date, "snippet": self.snippet_text, "url": self.url}


@dataclass(frozen=True)
class MessageResults:
    total: int
    total_display: str
    hits: list[MessageHit] = field(default_factory=list)


def search_messages(groups: QuerySet[Group], query: str, *, group_slug: str = "",
                    sender: str = "", since: datetime.date | None = None,
                    until: datetime.date | None = None, limit: int = 10,
                    offset: int = 0) -> MessageResults:
    """Search within `groups`, which the caller takes from `permissions` for its user."""
    if group_slug:
        groups = groups.filter(slug=group_slug)
    results = search(query, group_ids=set(groups.values_list("pk", flat=True)), sender=sender,
                     since=since, until=until, limit=limit, offset=offset)
    # A hit shows a snippet, never the message's texts or HTML, which can be long: only what
    # the page and the API show of each is read.
    found = (Message.objects.select_related("group", "sender")
             .only("message_id", "thread_id", "subject", "sender_name", "sender__name", "date",
                   "group__slug", "group__name")
             .in_bulk([hit.object_id for hit in results.hits]))
    hits = [MessageHit(found[hit.object_id], hit.snippet_html, hit.snippet_text)
            for hit in results.hits if hit.object_id in found]
    return MessageResults(results.total, results.total_display, hits)
