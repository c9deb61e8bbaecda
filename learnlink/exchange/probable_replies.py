"""Threads that a reply without references started ("Re: X" from a webmail that dropped them):
the group page lists each below the thread it probably answers, not as a discussion of its own,
until a mentor merges them.

Such a thread is one whose message with nothing real above it was offered the latest thread of
its subject (`Message.suggested_thread`, see `threading`). Suggestions are few, so a group's are
read in one query, and the list of threads stays on the activity index: a family (a thread and
its probable replies) is listed once, where its latest member would be, and the other members
are left out of the list by their keys.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from learnlink.exchange.models import Group, Message, Thread


@dataclass(frozen=True)
class Families:
    head_of: dict[int, int]  # a probable reply's thread: the thread it belongs to, at the top
    latest: dict[int, int]  # a head: the most recent thread of its family

    def unlisted(self, by_activity: bool) -> set[int]:
        """Threads not listed in their own place: every probable reply; and, in a list by
        activity, a head whose probable reply is more recent (the family is listed there)."""
        if not by_activity:
            return set(self.head_of)
        return (set(self.head_of) | set(self.latest)) - set(self.latest.values())

    def rows(self, listed: Iterable[Thread]) -> list[tuple[Thread, list[Thread]]]:
        """Each listed thread's family: its head, and the probable replies shown below it, oldest
        first. One query at most, for the heads and replies not listed on this page."""
        page = list(listed)
        heads = [self.head_of.get(thread.pk, thread.pk) for thread in page]
        shown = set(heads)
        replies = {reply for reply, head in self.head_of.items() if head in shown}
        loaded = {thread.pk: thread for thread in page}
        if missing := (shown | replies) - loaded.keys():
            loaded.update(Thread.objects.in_bulk(missing))
        below: defaultdict[int, list[Thread]] = defaultdict(list)
        for reply in sorted(replies, key=lambda pk: (loaded[pk].last_activity, pk)):
            below[self.head_of[reply]].append(loaded[reply])
        return [(loaded[head], below[head]) for head in heads]


def thread_families(group: Group) -> Families:
    """The group's probable replies and the threads they belong to, in one query."""
    rows = (Message.objects.filter(group=group, is_placeholder=False,
                                   suggested_thread__isnull=False)
            .filter(Q(parent__isnull=True) | Q(parent__is_placeholder=True))
            .order_by("date", "pk")
            .values_list("thread_id", "suggested_thread_id", "thread__last_activity",
                         "suggested_thread__last_activity"))
    parent: dict[int, int] = {}
    activity: dict[int, datetime] = {}
    for thread, suggested, own, theirs in rows:
        activity[thread], activity[suggested] = own, theirs
        # The first suggestion of a thread counts; one that would close a loop does not.
        if thread not in parent and _top(suggested, parent) != thread:
            parent[thread] = suggested
    head_of = {thread: _top(thread, parent) for thread in parent}
    members: defaultdict[int, list[int]] = defaultdict(list)
    for member, head in head_of.items():
        members[head].append(member)
    # As the list orders threads: by last activity, then by key.
    latest = {head: max([head, *replies], key=lambda pk: (activity[pk], pk))
              for head, replies in members.items()}
    return Families(head_of, latest)


def _top(thread: int, parent: dict[int, int]) -> int:
    while thread in parent:
        thread = parent[thread]
    return thread
