"""Deriving archived messages again from the bytes they arrived as (`learnlink reparse`).

The raw mail is the truth; everything posting derived from it can be derived again, so a parser
that learns to read a charset, mark a quote or find an attachment mends the archive too. What is
derived again is what posting takes from the bytes (`parsed_columns`: text, quotes, signature,
sender's name, the page's HTML) and the attachments; the search index (tidied after a thousand
replaced documents or more) and cached thread pages follow. A message whose References read
differently now (a parser that learnt to read bare ids, say) is threaded again by them, and its
replies move with it. A message whose bytes no longer parse keeps what it has and is reported.
Batches of a few hundred messages, parsed on every core, a few queries each.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter

from django.db import transaction
from django.db.models import QuerySet

from learnlink.exchange.display import forget_thread_html
from learnlink.exchange.importing import BATCH, Read, in_batches, parsed_batches
from learnlink.exchange.indexing import index_messages
from learnlink.exchange.models import Attachment, Group, Message, Thread
from learnlink.exchange.posting import parsed_columns, save_attachments
from learnlink.exchange.thread_placement import Incoming, rethread_messages
from learnlink.lib.bulk import update_rows
from learnlink.mail.body import ParsedAttachment
from learnlink.mail.parsing import ParsedMessage
from learnlink.search.engine import optimize

# What a batch reads of each message: what parsing may change, and what the index needs.
_COLUMNS = ("group__footer", "thread", "message_id", "is_placeholder", "date", "subject",
            "sender_name", "sender_address", "sender__name", "text", "quoted", "signature",
            "html", "corrected", "references", "removed", "inbound__raw")
_DERIVED = ("sender_name", "sender_address", "text", "quoted", "signature", "html")
# Replaced search documents past which the index is tidied (`optimize`): below it, what they
# leave costs searches little, and a tidy of a large index costs seconds.
_TIDY_AFTER = 1000


@dataclass
class ReparseStats:
    reparsed: int = 0
    changed: int = 0
    attachments_changed: int = 0
    failed: list[str] = field(default_factory=list)
    kept_corrected: int = 0
    rethreaded: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"reparsed={self.reparsed} changed={self.changed} "
                f"attachments_changed={self.attachments_changed} failed={len(self.failed)} "
                f"kept_corrected={self.kept_corrected} rethreaded={self.rethreaded} "
                f"seconds={self.seconds:.1f}")


def reparse(messages: QuerySet[Message], processes: int | None = None) -> ReparseStats:
    """Parse each of `messages` (those with stored bytes) again and store what changed."""
    stats = ReparseStats()
    started = time.monotonic()
    for batch in parsed_batches(_batches(messages), _raw, processes or os.cpu_count() or 1):
        _reparse_batch(batch, stats)
    if stats.changed >= _TIDY_AFTER:
        optimize()
    stats.seconds = time.monotonic() - started
    return stats


def _raw(message: Message) -> bytes:
    return bytes(message.inbound.raw)  # type: ignore[union-attr]  # _batches: all have bytes


def _batches(messages: QuerySet[Message]) -> Iterator[list[Message]]:
    """The messages in pk order, in batches bounded as an import's are (by their bytes' stored
    sizes, read first), a query per batch: no cursor stays open across the batches' writes (or
    across the fork of the parsing processes)."""
    rows = (messages.filter(is_placeholder=False, inbound__isnull=False)
            .select_related("inbound", "sender", "group").only(*_COLUMNS).order_by("pk"))
    last = 0
    while sizes := list(rows.filter(pk__gt=last).values_list("pk", "inbound__size")[:BATCH]):
        for batch in in_batches(sizes, itemgetter(1)):
            yield list(rows.filter(pk__in=[pk for pk, _size in batch]))
        last = sizes[-1][0]


def _reparse_batch(batch: list[tuple[Message, Read]], stats: ReparseStats) -> None:
    """The parsing processes read bytes of any group: the columns of a message whose group
    has footer text of its own are derived again here, with that text (parsed_columns)."""
    readable = []
    changed = []
    for message, read in batch:
        if parsed := read.readable:
            readable.append((message, parsed))
            footer = message.group.footer
            columns = parsed_columns(parsed, footer) if footer else read.columns
            if message.corrected is not None:
                stats.kept_corrected += 1  # a person's correction outranks the parser
            elif _derive(message, columns):
                changed.append(message)
        else:
            stats.failed.append(f"message {message.pk} <{message.message_id}>: {read.parsed}")
    with transaction.atomic():
        update_rows(changed, _DERIVED)
        index_messages(changed)
        refiled = _refile_attachments(readable)
        moved, rethreaded = _rethread(readable)
    stats.reparsed += len(readable)
    stats.changed += len(changed)
    stats.attachments_changed += len(refiled)
    stats.rethreaded += rethreaded
    touched = {message.thread_id for message in [*changed, *refiled]} | moved
    forget_thread_html(Thread.objects.filter(pk__in=touched).only("message_count",
                                                                   "last_activity", "group"))


def _rethread(readable: list[tuple[Message, ParsedMessage]]) -> tuple[set[int], int]:
    """Thread again the messages whose References read differently now; the pks of the threads
    that changed, and how many messages were threaded again."""
    by_group: defaultdict[int, list[Incoming]] = defaultdict(list)
    for message, parsed in readable:
        if "\n".join(parsed.references) != message.references and message.date is not None:
            by_group[message.group_id].append(Incoming(message.message_id, parsed.references,
                                                       message.subject, message.date))
    touched: set[int] = set()
    for group in Group.objects.filter(pk__in=by_group):
        touched |= rethread_messages(group, by_group[group.pk])
    return touched, sum(len(items) for items in by_group.values())


def _derive(message: Message, columns: dict[str, str]) -> bool:
    """Set the message's columns to what its bytes give now (`parsed_columns`, computed where
    it was parsed); whether any changed."""
    changed = False
    for name, value in columns.items():
        if getattr(message, name) != value:
            setattr(message, name, value)
            changed = True
    return changed


def _refile_attachments(readable: list[tuple[Message, ParsedMessage]]) -> list[Message]:
    """Replace the attachment rows of messages whose files now read differently; the messages.

    Rows that still match keep their pk, so links to them keep working."""
    stored: dict[int, list[tuple[object, ...]]] = {}
    for row in Attachment.objects.filter(
            message__in=[message for message, _parsed in readable]).order_by("pk").values_list(
            "message_id", "filename", "content_type", "size", "sha256"):
        stored.setdefault(row[0], []).append(row[1:])
    different = [(message, parsed) for message, parsed in readable
                 if stored.get(message.pk, []) != [_facts(a) for a in parsed.attachments]]
    Attachment.objects.filter(message__in=[message for message, _parsed in different]).delete()
    save_attachments(different)
    return [message for message, _parsed in different]


def _facts(attachment: ParsedAttachment) -> tuple[object, ...]:
    return (attachment.filename, attachment.content_type, len(attachment.content),
            attachment.sha256)
