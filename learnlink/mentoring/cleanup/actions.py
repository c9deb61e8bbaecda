"""A mentor's clean-up of a group's threads: move a message (with or without its replies), split
a thread at a message, merge two threads, rename one, accept or dismiss a threading
suggestion, remove a message from the archive with a reason. The web, the API (and later
email) call these; each checks what the action itself forbids (a loop, a crossing between a
private and a public group), logs who did it, when, and the rows before and after, marks what
it placed so that threading (new mail, reparse, re-import) keeps it, and mends what it leaves
(state.mend). `undo` writes an action's rows back.

Each runs in one transaction that first locks the groups it touches, as threading does, so an
action and a message being threaded never interleave.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.thread_headers import strip_reply_prefixes
from learnlink.lib.fields import fitted
from learnlink.mentoring.cleanup.state import mend, snapshot
from learnlink.mentoring.cleanup.suggestions import quoted_parent
from learnlink.mentoring.cleanup.trees import Tree
from learnlink.mentoring.models import Action, CleanupEntry, SplitSuggestion, Touch
from learnlink.mentoring.permissions import carry_refusal


class Refused(Exception):
    """What the mentor asked cannot be done; `reason` says why, in their language."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Done:
    """The logged action and the threads it changed that are left (a merged one is gone)."""

    entry: CleanupEntry
    threads: list[Thread]


@dataclass
class _Applied:
    threads: set[int] = field(default_factory=set)  # threads the action made
    reindex: set[int] = field(default_factory=set)  # messages the search index must read again


@dataclass
class _Plan:
    """What an action will change (the rows written down before and after it) and the change."""

    messages: set[int]
    threads: set[int]
    apply: Callable[[], _Applied]


def move_message(by: User, message: Message, to_thread: Thread, *, with_replies: bool = True,
                 under: Message | None = None) -> Done:
    """Move `message` (and its replies, or alone) into `to_thread`, below `under` (a message
    of that thread) or below its first message."""
    _check_carry(by, message.group, to_thread.group)
    return _act(by, Action.MOVE, message.group_id, {message.group_id, to_thread.group_id},
                lambda: _move_plan(message.pk, to_thread.pk, with_replies,
                                   None if under is None else under.pk))


def split_thread(by: User, message: Message) -> Done:
    """`message` and its replies become a thread of their own, named by its subject."""
    return _act(by, Action.SPLIT, message.group_id, {message.group_id},
                lambda: _split_plan(message.pk))


def merge_threads(by: User, thread: Thread, into: Thread) -> Done:
    """Every message of `thread` joins `into`, its first message below into's first; the
    thread goes, and suggestions of it now point to `into`."""
    if thread.pk == into.pk:
        raise Refused(_("A thread cannot be merged into itself."))
    _check_carry(by, thread.group, into.group)
    return _act(by, Action.MERGE, thread.group_id, {thread.group_id, into.group_id},
                lambda: _merge_plan(thread.pk, into.pk))


def rename_thread(by: User, thread: Thread, subject: str) -> Done:
    """The thread's name, kept by threading whatever its messages' subjects say."""
    name = fitted(Thread, "subject", " ".join(subject.split()))
    if not name:
        raise Refused(_("A thread needs a name."))

    def plan() -> _Plan:
        current = Thread.objects.get(pk=thread.pk)
        if current.named_by_hand and current.subject == name:
            raise Refused(_("The thread has this name already."))

        def apply() -> _Applied:
            Thread.objects.filter(pk=thread.pk).update(subject=name, named_by_hand=True)
            return _Applied()
        return _Plan(set(), {thread.pk}, apply)
    return _act(by, Action.RENAME, thread.group_id, {thread.group_id}, plan)


def accept_suggestion(by: User, message: Message) -> Done:
    """Do what the suggestion says: move the message with its replies into the suggested
    thread (below the message its quote answers, if a digest reply's does), or split the
    thread at a message that changed the subject ("was: ...")."""
    def plan() -> _Plan:
        current = Message.objects.get(pk=message.pk)
        suggested = current.suggested_thread_id
        if suggested == current.thread_id:
            return _decided_plan(current)  # a reply's References joined them meanwhile
        if suggested is not None:
            return _move_plan(current.pk, suggested, True, quoted_parent(current, suggested))
        if not SplitSuggestion.objects.filter(message=current).exists():
            raise Refused(_("This message has no threading suggestion any more."))
        tree = Tree.of(current.thread_id)
        if tree.real() <= tree.subtree(current.pk):
            return _decided_plan(current)  # it starts its thread already
        return _split_plan(current.pk)
    return _act(by, Action.ACCEPT, message.group_id, {message.group_id}, plan)


def dismiss_suggestion(by: User, message: Message) -> Done:
    """The message stays where it is; threading will not suggest a thread for it again."""
    def plan() -> _Plan:
        current = Message.objects.get(pk=message.pk)
        if current.suggested_thread_id is None and not SplitSuggestion.objects.filter(
                message=current).exists():
            raise Refused(_("This message has no threading suggestion any more."))
        return _decided_plan(current)
    return _act(by, Action.DISMISS, message.group_id, {message.group_id}, plan)


def remove_message(by: User, message: Message, reason: str) -> Done:
    """Out of the archive for everyone but its mentors, who still read it; members read the
    reason in its place. Its raw mail and text are kept, and it leaves the search index."""
    reason = fitted(Message, "removed_reason", " ".join(reason.split()))
    if not reason:
        raise Refused(_("Say why the message is removed: members read the reason in its "
                        "place."))

    def plan() -> _Plan:
        if Message.objects.filter(pk=message.pk, removed__isnull=False).exists():
            raise Refused(_("This message is removed already."))

        def apply() -> _Applied:
            Message.objects.filter(pk=message.pk).update(removed=timezone.now(),
                                                         removed_reason=reason)
            return _Applied(reindex={message.pk})
        return _Plan({message.pk}, {message.thread_id}, apply)
    return _act(by, Action.REMOVE, message.group_id, {message.group_id}, plan)


def _check_carry(by: User, source: Group, target: Group) -> None:
    refusal = carry_refusal(by, source, target)
    if refusal:
        raise Refused(refusal)


def _act(by: User, action: str, group_pk: int, groups: Collection[int],
         plan: Callable[[], _Plan]) -> Done:
    """Plan on fresh rows, write them down, change, mend, write them down again, log."""
    with transaction.atomic():
        lock_groups(groups)
        planned = plan()
        before = snapshot(planned.messages, planned.threads)
        applied = planned.apply()
        threads = mend(planned.threads | applied.threads, applied.reindex)
        after = snapshot(planned.messages, planned.threads | applied.threads)
        entry = _record(by, action, group_pk, before, after)
    return Done(entry, threads)


def lock_groups(groups: Collection[int]) -> None:
    """The lock threading takes on a group, in pk order so that two actions never deadlock."""
    for pk in sorted(groups):
        Group.objects.select_for_update().only("pk").get(pk=pk)


def _record(by: User, action: str, group_pk: int, before: dict[str, list[dict[str, object]]],
            after: dict[str, list[dict[str, object]]]) -> CleanupEntry:
    entry = CleanupEntry.objects.create(group_id=group_pk, action=action, by=by, before=before,
                                        after=after)
    Touch.objects.bulk_create([Touch(entry=entry, kind=kind, object_id=pk)
                               for kind, ids in entry.touched().items() for pk in ids])
    return entry


def _move_plan(message_pk: int, thread_pk: int, with_replies: bool,
               under_pk: int | None) -> _Plan:
    message = Message.objects.get(pk=message_pk)
    target = Thread.objects.get(pk=thread_pk)
    source = Tree.of(message.thread_id)
    into = source if thread_pk == message.thread_id else Tree.of(thread_pk)
    if under_pk is not None and under_pk not in into.parents:
        raise Refused(_("That message is not in the thread you chose."))
    parent = into.root() if under_pk is None else under_pk
    moving = source.subtree(message.pk) if with_replies else {message.pk}
    if parent in moving:
        raise Refused(_("A message cannot move below itself or one of its own replies: that "
                        "would make a loop."))
    if parent == message.parent_id:
        raise Refused(_("The message is there already."))
    crossing = target.group_id != message.group_id
    if crossing:
        _check_free(target.group_id, [source.message_ids[pk] for pk in moving])
    replies = [] if with_replies else source.replies(message.pk)

    def apply() -> _Applied:
        now = timezone.now()
        Message.objects.filter(pk__in=moving).update(thread_id=thread_pk,
                                                     group_id=target.group_id)
        _placed(message.pk, now, parent_id=parent)
        _rehang(replies, message.parent_id, now)
        return _Applied(reindex=moving - source.placeholders if crossing else set())
    return _Plan(moving | set(replies) | set(source.placeholders_above(message.pk)),
                 {message.thread_id, thread_pk}, apply)


def _rehang(replies: list[int], parent: int | None, now: datetime.datetime) -> None:
    """The replies a message moved alone leaves behind answer what it answered; if it was the
    thread's first message, the first of them takes its place and the others answer it."""
    if not replies:
        return
    if parent is None:
        parent, *replies = replies
        Message.objects.filter(pk=parent).update(parent=None, placed_by_hand=now)
    Message.objects.filter(pk__in=replies).update(parent_id=parent, placed_by_hand=now)


def _check_free(group_pk: int, message_ids: list[str]) -> None:
    """The same mail sent to two groups is two messages with one Message-ID: one group's copy
    cannot join the other's archive."""
    if Message.objects.filter(group_id=group_pk, message_id__in=message_ids).exists():
        raise Refused(_("The other group has one of these messages already (the same mail "
                        "went to both groups)."))


def _split_plan(message_pk: int) -> _Plan:
    message = Message.objects.select_related("thread").get(pk=message_pk)
    tree = Tree.of(message.thread_id)
    moving = tree.subtree(message.pk)
    if tree.real() <= moving:
        raise Refused(_("This message starts its thread already: there is nothing to split "
                        "off."))

    def apply() -> _Applied:
        started = message.date or message.thread.started  # mend dates it from its messages
        thread = Thread.objects.create(
            group_id=message.group_id, started=started, last_activity=started,
            month=Thread.month_of(started),
            subject=fitted(Thread, "subject", strip_reply_prefixes(message.subject)))
        Message.objects.filter(pk__in=moving).update(thread=thread)
        _placed(message.pk, timezone.now(), parent=None)
        return _Applied(threads={thread.pk})
    return _Plan(moving | set(tree.placeholders_above(message.pk)), {message.thread_id}, apply)


def _merge_plan(thread_pk: int, into_pk: int) -> _Plan:
    target = Thread.objects.get(pk=into_pk)
    source, into = Tree.of(thread_pk), Tree.of(into_pk)
    crossing = Thread.objects.filter(pk=thread_pk).exclude(group_id=target.group_id).exists()
    if crossing:
        _check_free(target.group_id, list(source.message_ids.values()))
    pointing = set(Message.objects.filter(suggested_thread_id=thread_pk)
                   .values_list("pk", flat=True))

    def apply() -> _Applied:
        now = timezone.now()
        Message.objects.filter(thread_id=thread_pk).update(thread_id=into_pk,
                                                           group_id=target.group_id)
        Message.objects.filter(pk__in=source.roots()).update(parent_id=into.root(),
                                                             placed_by_hand=now)
        # Suggested for the thread it has now joined: decided.
        Message.objects.filter(pk__in=source.parents, suggested_thread_id=into_pk).update(
            suggested_thread=None, placed_by_hand=now)
        Message.objects.filter(suggested_thread_id=thread_pk).update(suggested_thread_id=into_pk)
        return _Applied(reindex=source.real() if crossing else set())
    return _Plan(set(source.parents) | pointing, {thread_pk, into_pk}, apply)


def _decided_plan(message: Message) -> _Plan:
    """The suggestion goes and the message stays: placed by hand, where it is."""
    def apply() -> _Applied:
        _placed(message.pk, timezone.now())
        return _Applied()
    return _Plan({message.pk}, {message.thread_id}, apply)


def _placed(pk: int, now: datetime.datetime, **place: int | None) -> None:
    """A message a mentor placed (or left where it is): threading keeps it there, and what
    was suggested for it is decided."""
    Message.objects.filter(pk=pk).update(placed_by_hand=now, suggested_thread=None, **place)
    SplitSuggestion.objects.filter(message_id=pk).delete()
