"""What of a message the search index sees: subject, new text (never the quotes), the sender's
name (never the address, which a guest's search would otherwise find); and rebuilding the index
from the archive. A message a mentor removed from the archive is not indexed: members read only
the reason in its place, so a search must not find its words."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from learnlink.exchange import page_generations
from learnlink.exchange.models import Group, Message
from learnlink.search.engine import (
    Document,
    index_documents,
    indexed_ids,
    optimize,
    remove_documents,
)

REINDEX_BATCH = 1000
# What a document is made of (`document`), and nothing else: texts can be long.
_INDEXED = ("group", "is_placeholder", "removed", "sender_name", "sender__name", "date", "subject",
            "text")


def document(message: Message) -> Document:
    return Document(object_id=message.pk, group_id=message.group_id,
                    sender=message.author_name(),
                    date=message.date, subject=message.subject, body=message.text)


def index_messages(messages: Iterable[Message]) -> None:
    index_documents(document(m) for m in messages if not m.is_placeholder and not m.is_removed)


@dataclass
class ReindexStats:
    indexed: int = 0
    removed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return f"indexed={self.indexed} removed={self.removed} seconds={self.seconds:.1f}"


def reindex(groups: QuerySet[Group] | None = None) -> ReindexStats:
    """Index every archived message again (of `groups`, or of all) and take out of the index
    what no longer has a message. For an upgrade that changes what the index stores (documents
    indexed before search/0003 have no PostgreSQL rank vector) and for messages deleted by
    hand; a batch per transaction, so searches go on meanwhile."""
    started = time.monotonic()
    stats = ReindexStats()
    messages = Message.objects.filter(is_placeholder=False, removed__isnull=True)
    if groups is not None:
        messages = messages.filter(group__in=groups)
    rows = messages.select_related("sender").only(*_INDEXED).order_by("pk")
    last = 0
    while batch := list(rows.filter(pk__gt=last)[:REINDEX_BATCH]):
        index_messages(batch)
        stats.indexed += len(batch)
        last = batch[-1].pk
    # The index first, then the archive: a message posted meanwhile is in both or in neither.
    indexed = indexed_ids(None if groups is None else list(groups.values_list("pk", flat=True)))
    gone = indexed - set(messages.values_list("pk", flat=True))
    remove_documents(gone)
    stats.removed = len(gone)
    optimize()
    # Guests' kept pages (search answers above all) show the index as it now is.
    page_generations.forget_groups((groups if groups is not None else Group.objects.all())
                                   .values_list("pk", flat=True))
    stats.seconds = time.monotonic() - started
    return stats
