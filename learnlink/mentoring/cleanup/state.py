"""The rows a clean-up action changes, written down before and after it, and written back by an
undo; and the mending every action ends with, so that a thread's count, dates, name, cached
pages and the search index say what its messages now say.

A state is JSON: {"threads": [...], "messages": [...]}, one dict per row with what an action
may change (a message's thread, parent, group, placement, suggested thread or split, removal;
a thread's name) and what it takes to make a pruned placeholder or a merged-away thread again.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from django.db.models import QuerySet

from learnlink.exchange.display import forget_thread_html
from learnlink.exchange.indexing import index_messages
from learnlink.exchange.models import Message, Thread
from learnlink.exchange.thread_headers import strip_reply_prefixes
from learnlink.lib.bulk import update_rows
from learnlink.lib.fields import fitted
from learnlink.mentoring.models import SplitSuggestion
from learnlink.search.engine import remove_documents

State = dict[str, list[dict[str, Any]]]
_MESSAGE_FIELDS = ["group", "thread", "parent", "placed_by_hand", "suggested_thread", "removed",
                   "removed_reason"]


def snapshot(message_pks: Collection[int], thread_pks: Collection[int]) -> State:
    """The rows as they are now (those that exist), in pk order."""
    threads = Thread.objects.filter(pk__in=thread_pks).order_by("pk")
    messages = Message.objects.filter(pk__in=message_pks).order_by("pk")
    flagged = set(SplitSuggestion.objects.filter(message__in=message_pks)
                  .values_list("message_id", flat=True))
    return {"threads": [_thread_row(thread) for thread in threads],
            "messages": [_message_row(message, message.pk in flagged) for message in messages.only(
                "message_id", "is_placeholder", *_MESSAGE_FIELDS)]}


def _when(moment: datetime.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _thread_row(thread: Thread) -> dict[str, Any]:
    return {"id": thread.pk, "group": thread.group_id, "subject": thread.subject,
            "named": thread.named_by_hand, "started": _when(thread.started),
            "last_activity": _when(thread.last_activity), "messages": thread.message_count}


def _message_row(message: Message, split: bool) -> dict[str, Any]:
    return {"id": message.pk, "message_id": message.message_id, "group": message.group_id,
            "thread": message.thread_id, "parent": message.parent_id,
            "placeholder": message.is_placeholder, "placed": _when(message.placed_by_hand),
            "suggested": message.suggested_thread_id, "split": split,
            "removed": _when(message.removed), "reason": message.removed_reason}


def restore(state: State) -> set[int]:
    """Write `state` back: threads and placeholders that went are made again under their old
    numbers (links to them work again), the rest get their old values. Returns the threads."""
    threads = {row["id"]: row for row in state["threads"]}
    existing = set(Thread.objects.filter(pk__in=threads).values_list("pk", flat=True))
    Thread.objects.bulk_create([_thread(row) for pk, row in threads.items() if pk not in existing])
    update_rows([_thread(row) for pk, row in threads.items() if pk in existing],
                ["subject", "named_by_hand"])
    rows = {row["id"]: row for row in state["messages"]}
    present = set(Message.objects.filter(pk__in=rows).values_list("pk", flat=True))
    Message.objects.bulk_create([_placeholder(row) for pk, row in rows.items()
                                 if pk not in present and row["placeholder"]])
    alive_threads = set(Thread.objects.filter(
        pk__in={row["suggested"] for row in rows.values()} - {None}).values_list("pk", flat=True))
    alive = set(Message.objects.filter(pk__in={row["parent"] for row in rows.values()} - {None})
                .values_list("pk", flat=True))
    update_rows([_message(row, alive, alive_threads) for pk, row in rows.items() if pk in present],
                _MESSAGE_FIELDS)
    _restore_splits([row for pk, row in rows.items() if pk in present])
    return set(threads) | {row["thread"] for row in rows.values()}


def _restore_splits(rows: list[dict[str, Any]]) -> None:
    flagged = {row["id"]: row["group"] for row in rows if row["split"]}
    SplitSuggestion.objects.filter(message__in=[row["id"] for row in rows]).exclude(
        message__in=flagged).delete()
    existing = set(SplitSuggestion.objects.filter(message__in=flagged)
                   .values_list("message_id", flat=True))
    SplitSuggestion.objects.bulk_create([SplitSuggestion(message_id=pk, group_id=group)
                                         for pk, group in flagged.items() if pk not in existing])


def _thread(row: dict[str, Any]) -> Thread:
    started = datetime.datetime.fromisoformat(row["started"])
    return Thread(pk=row["id"], group_id=row["group"], subject=row["subject"],
                  named_by_hand=row["named"], started=started, month=Thread.month_of(started),
                  last_activity=datetime.datetime.fromisoformat(row["last_activity"]),
                  message_count=row["messages"])


def _placeholder(row: dict[str, Any]) -> Message:
    return Message(pk=row["id"], group_id=row["group"], thread_id=row["thread"],
                   message_id=row["message_id"], is_placeholder=True, parent_id=row["parent"],
                   placed_by_hand=_moment(row["placed"]))


def _message(row: dict[str, Any], alive: set[int], alive_threads: set[int]) -> Message:
    """The row's values; a parent or suggested thread deleted since is left out."""
    return Message(pk=row["id"], group_id=row["group"], thread_id=row["thread"],
                   parent_id=row["parent"] if row["parent"] in alive else None,
                   placed_by_hand=_moment(row["placed"]),
                   suggested_thread_id=row["suggested"] if row["suggested"] in alive_threads
                   else None,
                   removed=_moment(row["removed"]), removed_reason=row["reason"])


def _moment(value: str | None) -> datetime.datetime | None:
    return None if value is None else datetime.datetime.fromisoformat(value)


def differences(expected: State, now: State) -> list[int]:
    """The messages of `expected` whose place or removal is not what it says now: something
    else (new mail, a reparse, an admin) moved them since."""
    current = {row["id"]: row for row in now["messages"]}
    return [row["id"] for row in expected["messages"]
            if not row["placeholder"] and (
                row["id"] not in current
                or any(current[row["id"]][key] != row[key]
                       for key in ("group", "thread", "parent", "removed")))]


def mend(thread_pks: Iterable[int], reindex: Collection[int] = ()) -> list[Thread]:
    """After an action or an undo: replies follow their parent's thread, placeholders left
    without replies go, each thread is counted, dated and named again from its messages (an
    empty one goes), cached pages are dropped and `reindex` messages indexed again. Returns
    the threads that are left."""
    pks = set(thread_pks)
    forget_thread_html(Thread.objects.filter(pk__in=pks))
    _follow_parents(pks)
    _prune(pks)
    threads = _count_again(Thread.objects.filter(pk__in=pks))
    forget_thread_html(threads)
    if reindex:
        _index_again(reindex)
    return threads


def _follow_parents(pks: set[int]) -> None:
    """A reply belongs to its parent's thread: a reply that arrived below a message after that
    message was moved goes back with it when the move is undone."""
    rows = dict(Message.objects.filter(thread_id__in=pks).values_list("pk", "thread_id"))
    parents = dict(Message.objects.filter(thread_id__in=pks, parent__isnull=False)
                   .values_list("pk", "parent_id"))
    outside = set(parents.values()) - rows.keys()
    rows.update(Message.objects.filter(pk__in=outside).values_list("pk", "thread_id"))
    moved: dict[int, int] = {}
    changed, rounds = True, 0
    while changed and rounds <= len(parents):  # a reply per round at least, down the tree
        changed, rounds = False, rounds + 1
        for pk, parent in parents.items():
            thread = moved.get(parent, rows[parent])
            if moved.get(pk, rows[pk]) != thread:
                moved[pk] = thread
                changed = True
    by_thread: defaultdict[int, list[int]] = defaultdict(list)
    for pk, thread in moved.items():
        by_thread[thread].append(pk)
    for thread, members in by_thread.items():
        Message.objects.filter(pk__in=members).update(thread_id=thread)
    pks.update(by_thread)


def _prune(pks: set[int]) -> None:
    """Placeholders stand for a missing message that others answer: without replies they go
    (and then perhaps the placeholder above them)."""
    while True:
        placeholders = Message.objects.filter(thread_id__in=pks, is_placeholder=True)
        answered = Message.objects.filter(parent__in=placeholders).values("parent_id")
        empty = list(placeholders.exclude(pk__in=answered).values_list("pk", flat=True))
        if not empty:
            return
        Message.objects.filter(pk__in=empty).delete()


def _count_again(threads: QuerySet[Thread]) -> list[Thread]:
    """Each thread as threading would write it: its real messages counted, the first and last
    dates, the name of its root (or of its first message below a placeholder root) unless a
    mentor named it. A thread left without a real message goes, with its placeholders."""
    rows: defaultdict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in (Message.objects.filter(thread__in=threads)
                .values_list("thread_id", "parent_id", "is_placeholder", "date", "message_id",
                             "subject")):
        rows[row[0]].append(row[1:])
    left = []
    for thread in threads:
        real = [row for row in rows[thread.pk] if not row[1] and row[2] is not None]
        if not real:
            thread.delete()
            continue
        first = min(real, key=lambda row: (row[2], row[3]))
        roots = [row for row in rows[thread.pk] if row[0] is None]
        root = min(roots, key=lambda row: (row[1], row[2] or first[2], row[3]), default=first)
        thread.message_count = len(real)
        thread.started, thread.last_activity = first[2], max(row[2] for row in real)
        thread.month = Thread.month_of(thread.started)
        if not thread.named_by_hand:
            thread.subject = fitted(Thread, "subject", strip_reply_prefixes(
                (first if root[1] else root)[4]))
        left.append(thread)
    update_rows(left, ["message_count", "started", "last_activity", "month", "subject"])
    return left


def _index_again(message_pks: Collection[int]) -> None:
    """A removed message leaves the search index, one put back returns to it, and a message
    carried to another group is found under that group."""
    messages = list(Message.objects.filter(pk__in=message_pks).select_related("sender"))
    remove_documents(message.pk for message in messages if message.is_removed)
    index_messages(messages)
