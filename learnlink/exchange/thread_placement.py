"""Which message answers which, and which messages make one thread of a group's archive.

JWZ threading (https://www.jwz.org/doc/threading.html, as RFC 5256 REFERENCES uses it), with the
rules Learnlink needs for an archive that grows one message at a time:

- a thread is one tree; a missing ancestor is a placeholder row, so that replies to a message we
  never got still share one thread, and it is filled (the same row) if the message arrives;
- a message's own References name its parent, whatever other messages' References implied;
- a loop is never made: the link that would close it is not made;
- subjects never merge threads by default: a reply with nothing real above it ("Re:" without
  references, or a reply to messages we never got) gets a *suggested* thread for a mentor, and
  joins that thread only if the group asks for it.

Two layers, so that an import runs at in-memory speed and the rules are tested without a database:
the core (`Archive`, `Node`, `ThreadInfo`) is plain Python over the few nodes a batch touches and
records what it changed; this module, the database layer (`place_message`, `place_messages`,
`rethread_messages`), loads those nodes, runs the core and writes the changes with a bounded
number of queries per batch. `thread_tree` reads a thread back for its page and the API.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from functools import reduce
from operator import or_
from typing import Any, TypeVar

from django.db import connection, transaction
from django.db.models import Case, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Collate

from learnlink.exchange import archive_hooks
from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.thread_core import SUBJECT_WINDOW, Archive
from learnlink.exchange.thread_headers import ancestry, has_reply_prefix, strip_reply_prefixes
from learnlink.exchange.thread_nodes import DuplicateMessage, Incoming, Node, ThreadInfo
from learnlink.lib.bulk import update_rows

__all__ = ["DuplicateMessage", "Incoming", "place_message", "place_messages", "rethread_messages"]
_CHUNK = 5000  # ids per IN (...): under the parameter limits of SQLite >= 3.32 and PostgreSQL
_OR_CHUNK = 200  # subjects per query: "a OR b OR ..." nests, and SQLite allows a depth of 1000
_T = TypeVar("_T")


_THREAD_FIELDS = ["subject", "started", "month", "last_activity", "message_count"]
_NODE_COLUMNS = ("pk", "message_id", "parent_id", "parent__message_id", "thread_id",
                 "is_placeholder", "date", "subject", "placed_by_hand")


def place_message(group: Group, *, message_id: str, references: Sequence[str], subject: str,
                  date: datetime, **fields: Any) -> Message:
    """Thread and store one message in one transaction, loading only the nodes it needs.

    `fields` are the other Message columns (inbound, sender, text, ...). Raises DuplicateMessage
    if the group already has a real message with this Message-ID, and then stores nothing."""
    [placed] = place_messages(group, [Incoming(message_id, references, subject, date, fields)])
    if isinstance(placed, DuplicateMessage):
        raise placed
    return placed


def place_messages(group: Group, items: Sequence[Incoming]) -> list[Message | DuplicateMessage]:
    """Thread and store a batch (an import), in order, exactly as one `place_message` each would,
    but threaded in memory and written with a bounded number of queries per batch."""
    with transaction.atomic():
        # One threader per group at a time: two placeholders for one id would collide.
        Group.objects.select_for_update().only("pk").get(pk=group.pk)
        rows = _Rows(group)
        archive = rows.read(items)
        placed = [_place(archive, item) for item in items]
        stored = rows.write(items)
        archive_hooks.archived(group, list(stored.values()))
    return [stored[p] if isinstance(p, str) else p for p in placed]


def rethread_messages(group: Group, items: Sequence[Incoming]) -> set[int]:
    """Thread stored messages of `group` again by the References in `items` (what their bytes
    say now), store those References, and return the pks of the threads that changed."""
    with transaction.atomic():
        Group.objects.select_for_update().only("pk").get(pk=group.pk)
        rows = _Rows(group)
        archive = rows.read(items)
        nodes = [archive.rethread(item) for item in items]
        rows.write(items)
        update_rows([Message(pk=rows.pks[node.message_id], references="\n".join(item.references),
                             suggested_thread_id=rows._suggested_pk(node))
                     for node, item in zip(nodes, items, strict=True)],
                    ["references", "suggested_thread"])
    return {rows._thread_pk(key) for key in archive.changes.threads
            if archive.find(key) in archive.threads}


def _place(archive: Archive, item: Incoming) -> str | DuplicateMessage:
    try:
        return archive.place(item).message_id
    except DuplicateMessage as duplicate:
        return duplicate


def _movable_threads(items: Sequence[Incoming], named: list[set[str]],
                     nodes: Mapping[str, Node]) -> set[int]:
    """Stored threads a subtree may leave: a placeholder (stored, or made by this batch) filled
    by a message with References of its own may move. Loading them up front keeps the queries
    per batch bounded; Archive loads any other thread it needs when it needs it."""
    awaited = {ref for item in items for ref in item.references}
    awaited.update(node.message_id for node in nodes.values() if node.placeholder)
    refilled = {item.message_id for item in items if item.references} & awaited
    return {nodes[name].thread for names in named if not refilled.isdisjoint(names)
            for name in names if name in nodes}


def _may_be_offered(items: Sequence[Incoming], nodes: Mapping[str, Node]) -> list[Incoming]:
    """The replies of the batch that may end up with nothing real above them, and so be offered
    a thread by subject: looking up threads by subject for every "Re:" was a tenth of an import.

    A reply whose nearest reference is a real message (stored, or placed before it in the batch)
    hangs below that message, unless the link would close a loop; and a loop needs the reply to
    be a node already, stored or named by another message of the batch."""
    named = {ref for item in items for ref in item.references}
    placed: set[str] = set()
    offered = []
    for item in items:
        nearest = ancestry(item.references, item.message_id)[-1:]
        parent = nodes.get(nearest[0]) if nearest else None
        real_parent = bool(nearest) and (nearest[0] in placed
                                         or (parent is not None and not parent.placeholder))
        may_loop = item.message_id in nodes or item.message_id in named
        if has_reply_prefix(item.subject) and (not real_parent or may_loop):
            offered.append(item)
        placed.add(item.message_id)
    return offered


def _chunks(values: Iterable[_T], size: int = _CHUNK) -> Iterator[list[_T]]:
    iterator = iter(values)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class _Rows:
    """The database side of one batch: the rows threading reads, and the writes of its changes."""

    def __init__(self, group: Group) -> None:
        self.group = group
        self.pks: dict[str, int] = {}
        self.archive = Archive()  # read() fills it
        self.created: dict[int, int] = {}  # new thread keys: their primary keys, once written

    def read(self, items: Sequence[Incoming]) -> Archive:
        """The nodes the batch names and their threads; the threads a reply might be offered by
        subject; and the whole threads the batch may move subtrees out of, in a few queries."""
        named = [{item.message_id, *item.references} for item in items]
        nodes = {node.message_id: node for node in self._nodes(set().union(*named))}
        candidates = self._candidates(_may_be_offered(items, nodes))
        threads = {info.key: info for info in [*candidates, *self._threads(
            {node.thread for node in nodes.values()} - {info.key for info in candidates})]}
        if self.group.join_by_subject:
            roots = {info.root for info in candidates} - nodes.keys()
            nodes.update((node.message_id, node) for node in self._nodes(roots))
        movable = _movable_threads(items, named, nodes)
        for node in self.members(list(movable)):
            nodes.setdefault(node.message_id, node)
        self.archive = Archive(nodes.values(), threads.values(), partial=threads.keys() - movable,
                               join_by_subject=self.group.join_by_subject,
                               load_members=self.members)
        return self.archive

    def _nodes(self, message_ids: Iterable[str]) -> list[Node]:
        return [node for chunk in _chunks(message_ids) for node in self._node_rows(
            Message.objects.filter(group=self.group, message_id__in=chunk))]

    def members(self, thread_keys: list[int]) -> list[Node]:
        return [node for chunk in _chunks(thread_keys)
                for node in self._node_rows(Message.objects.filter(thread_id__in=chunk))]

    def _node_rows(self, messages: QuerySet[Message]) -> Iterator[Node]:
        """Nodes, noting the pk of each and of its parent (which a write may need unloaded)."""
        for pk, message_id, parent_pk, parent, thread, placeholder, date, subject, placed in (
                messages.values_list(*_NODE_COLUMNS)):
            self.pks[message_id] = pk
            if parent is not None:
                self.pks[parent] = parent_pk
            yield Node(message_id, thread, parent, placeholder, date, strip_reply_prefixes(subject),
                       pinned=placed is not None)

    def _candidates(self, replies: Sequence[Incoming]) -> list[ThreadInfo]:
        """Stored threads that these replies might be offered by subject."""
        subjects = {strip_reply_prefixes(item.subject) for item in replies} - {""}
        if not subjects:
            return []
        window = Thread.objects.filter(
            group=self.group, last_activity__lte=max(item.date for item in replies),
            last_activity__gte=min(item.date for item in replies) - SUBJECT_WINDOW)
        return [info for chunk in _chunks(subjects, _OR_CHUNK) for info in self._thread_rows(
            window.filter(reduce(or_, (Q(subject__iexact=subject) for subject in chunk))))]

    def _threads(self, keys: Iterable[int]) -> list[ThreadInfo]:
        return [info for chunk in _chunks(keys)
                for info in self._thread_rows(Thread.objects.filter(pk__in=chunk))]

    @staticmethod
    def _thread_rows(threads: QuerySet[Thread]) -> list[ThreadInfo]:
        messages = Message.objects.filter(thread=OuterRef("pk"))
        roots = messages.filter(parent__isnull=True)
        # Message-IDs in code point order, as Python compares them, whatever the server's locale
        by_id = Collate("message_id", "C") if connection.vendor == "postgresql" else "message_id"
        first = messages.filter(is_placeholder=False).order_by("date", by_id)
        rows = threads.annotate(
            root=Subquery(roots.values("message_id")[:1]),
            root_subject=Subquery(roots.filter(is_placeholder=False).values("subject")[:1]),
            first_subject=Subquery(first.values("subject")[:1]),
            first_id=Subquery(first.values("message_id")[:1]),
        ).values_list("pk", "root", "root_subject", "first_subject", "first_id", "started",
                      "last_activity", "message_count", "named_by_hand", "subject")
        return [ThreadInfo(key, root, None if root_subject is None
                           else strip_reply_prefixes(root_subject),
                           strip_reply_prefixes(first_subject), first_id, started, last, count,
                           name=subject if named else None)
                for key, root, root_subject, first_subject, first_id, started, last, count, named,
                subject in rows]

    def write(self, items: Sequence[Incoming]) -> dict[str, Message]:
        """Write what the archive changed: threads first (messages point to them), then
        messages, then delete what went. Returns the rows of the messages placed, by id."""
        self.created = self._save_threads()
        self._follow_merges()
        stored = self._save_messages(items)
        changes = self.archive.changes
        Message.objects.filter(pk__in=[self.pks[mid] for mid in changes.removed
                                       if mid in self.pks]).delete()
        Thread.objects.filter(pk__in=[key for key in changes.dropped if key > 0]).delete()
        self._drop_answered_suggestions()
        return stored

    def _drop_answered_suggestions(self) -> None:
        """A suggestion is answered once its message is in the suggested thread (a later
        reply's References joined them): it no longer waits for a mentor."""
        threads = {self._thread_pk(key) for key in self.archive.changes.threads
                   if self.archive.find(key) in self.archive.threads}
        for chunk in _chunks(threads):
            Message.objects.filter(thread_id__in=chunk, suggested_thread_id=F("thread_id")).update(
                suggested_thread=None)

    def _thread_pk(self, key: int) -> int:
        survivor = self.archive.find(key)
        return self.created.get(survivor, survivor)

    def _save_threads(self) -> dict[int, int]:
        """Create the new threads and update the changed ones; the new keys' primary keys."""
        threads = self.archive.threads
        live = {self.archive.find(key) for key in self.archive.changes.threads} & threads.keys()
        new = sorted((key for key in live if key < 0), reverse=True)
        rows = Thread.objects.bulk_create(
            [_thread_row(threads[key], group=self.group) for key in new])
        update_rows([_thread_row(threads[key], pk=key, group=self.group)
                     for key in live if key > 0], _THREAD_FIELDS)
        return {key: row.pk for key, row in zip(new, rows, strict=True)}

    def _follow_merges(self) -> None:
        """Messages (and suggestions) of a stored thread merged into another move with it, loaded
        or not: one UPDATE ... CASE for all, instead of reading them."""
        moved = {key: self._thread_pk(key) for key in self.archive.merged if key > 0}
        for column in ("thread_id", "suggested_thread_id"):
            for chunk in _chunks(moved.items()):
                Message.objects.filter(**{f"{column}__in": [key for key, _ in chunk]}).update(
                    **{column: Case(*(When(**{column: key}, then=Value(pk)) for key, pk in chunk))})

    def _save_messages(self, items: Sequence[Incoming]) -> dict[str, Message]:
        """Insert the new rows, then link those whose parent is new too (its key is known once
        it is written), and update the stored rows filled or relinked."""
        first_items: dict[str, Incoming] = {}
        for item in items:
            first_items.setdefault(item.message_id, item)
        changes = self.archive.changes
        changed = [self.archive.nodes[message_id] for message_id in changes.nodes]
        stored = [node for node in changed if node.message_id in self.pks]
        fresh = [node for node in changed if node.message_id not in self.pks]
        fresh_ids = {node.message_id for node in fresh}
        new = [self._row(node, first_items.get(node.message_id),
                         linked=node.parent not in fresh_ids) for node in fresh]
        Message.objects.bulk_create(new)
        self.pks.update((row.message_id, row.pk) for row in new)
        children = [(row, node.parent) for node, row in zip(fresh, new, strict=True)
                    if node.parent is not None and node.parent in fresh_ids]
        for row, parent in children:
            row.parent_id = self.pks[parent]
        update_rows([row for row, _parent in children], ["parent"])
        relinked = [self._link(node) for node in stored if node.message_id not in changes.filled]
        filled = [self._row(node, first_items[node.message_id]) for node in stored
                  if node.message_id in changes.filled]
        update_rows(relinked, ["parent", "thread"])
        update_rows(filled, _FILL_FIELDS)
        return {row.message_id: row for row in [*new, *filled] if not row.is_placeholder}

    def _link(self, node: Node) -> Message:
        return Message(pk=self.pks[node.message_id], thread_id=self._thread_pk(node.thread),
                       parent_id=None if node.parent is None else self.pks[node.parent])

    def _row(self, node: Node, item: Incoming | None, *, linked: bool = True) -> Message:
        """A whole row: a new placeholder or message, or a filled placeholder (same pk)."""
        row = Message(pk=self.pks.get(node.message_id), group=self.group,
                      thread_id=self._thread_pk(node.thread), message_id=node.message_id,
                      parent_id=self.pks[node.parent] if linked and node.parent else None,
                      is_placeholder=node.placeholder)
        if item is not None:
            row.date = item.date
            row.subject = item.subject
            row.references = "\n".join(item.references)
            row.suggested_thread_id = self._suggested_pk(node)
            for name, value in item.fields.items():
                setattr(row, name, value)
        return row

    def _suggested_pk(self, node: Node) -> int | None:
        """The suggested thread, or None if it was emptied since (as SET_NULL does for rows)."""
        if node.suggested is None or self.archive.find(node.suggested) not in self.archive.threads:
            return None
        return self._thread_pk(node.suggested)


_SUBJECT_LENGTH = Thread._meta.get_field("subject").max_length
# A placeholder filled keeps what mentors decided about it (its place, its removal).
_FILL_FIELDS = [f.name for f in Message._meta.concrete_fields
                if f.name not in ("id", "group", "message_id", "placed_by_hand", "removed",
                                  "removed_reason")]


def _thread_row(info: ThreadInfo, **identity: Any) -> Thread:
    if info.started is None or info.last_activity is None:
        raise ValueError(f"thread {info.key} would hold no message")
    return Thread(subject=info.subject[:_SUBJECT_LENGTH],
                  started=info.started, month=Thread.month_of(info.started),
                  last_activity=info.last_activity, message_count=info.count, **identity)
