"""Thread clean-up in the JSON API, for the group's mentors (a session, or a Bearer token from
`learnlink create_token`): move, split, merge, rename, each answering the threads it changed;
a thread's log and undo. Messages are named by their mail's Message-ID (without angle
brackets), as everywhere in the API; threads by their number. A refusal (a loop, a crossing
between a private and a public group, an undo later actions depend on) is 409 with the reason
in "detail"."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from learnlink.exchange.models import Message, Thread
from learnlink.exchange.permissions import AnyUser, visible_groups
from learnlink.mentoring.cleanup import actions
from learnlink.mentoring.cleanup.actions import Done, Refused
from learnlink.mentoring.cleanup.log import as_api
from learnlink.mentoring.cleanup.undo import undo as undo_entry
from learnlink.mentoring.models import CleanupEntry
from learnlink.mentoring.permissions import mentored_entry, mentored_thread
from learnlink.people.api_auth import api_user, api_writer

router = Router(tags=["mentoring"])
MAX_LIMIT = 200


class MoveIn(Schema):
    message_id: str
    to_thread: int
    with_replies: bool = True
    under: str | None = None  # a Message-ID in to_thread; else below its first message


class SplitIn(Schema):
    message_id: str


class MergeIn(Schema):
    into_thread: int


class RenameIn(Schema):
    subject: str


class ChangedThread(Schema):
    id: int
    group: str
    subject: str
    messages: int
    started: datetime.datetime
    last_activity: datetime.datetime
    url: str


class Changed(Schema):
    threads: list[ChangedThread]


class LogItem(Schema):
    n: int
    action: str
    by: str
    at: datetime.datetime
    before: dict[str, Any]
    after: dict[str, Any]
    undone: datetime.datetime | None


@router.post("/threads/{thread_id}/move", response=Changed)
def move(request: HttpRequest, thread_id: int, body: MoveIn) -> dict[str, Any]:
    user, thread = _mentored(request, thread_id)
    message = _message(thread, body.message_id)
    target = _thread(user, body.to_thread)
    under = None if body.under is None else _message(target, body.under)
    return _changed(lambda: actions.move_message(user, message, target,
                                                 with_replies=body.with_replies, under=under))


@router.post("/threads/{thread_id}/split", response=Changed)
def split(request: HttpRequest, thread_id: int, body: SplitIn) -> dict[str, Any]:
    user, thread = _mentored(request, thread_id)
    message = _message(thread, body.message_id)
    return _changed(lambda: actions.split_thread(user, message))


@router.post("/threads/{thread_id}/merge", response=Changed)
def merge(request: HttpRequest, thread_id: int, body: MergeIn) -> dict[str, Any]:
    user, thread = _mentored(request, thread_id)
    into = _thread(user, body.into_thread)
    return _changed(lambda: actions.merge_threads(user, thread, into))


@router.post("/threads/{thread_id}/rename", response=Changed)
def rename(request: HttpRequest, thread_id: int, body: RenameIn) -> dict[str, Any]:
    user, thread = _mentored(request, thread_id)
    return _changed(lambda: actions.rename_thread(user, thread, body.subject))


@router.get("/threads/{thread_id}/log", response=list[LogItem])
def log(request: HttpRequest, thread_id: int, limit: int = 50,
        offset: int = 0) -> list[dict[str, Any]]:
    """The thread's log, oldest first."""
    if mentored_thread(api_user(request), thread_id) is None:
        raise Http404
    start = max(0, offset)
    rows = CleanupEntry.objects.of_thread(thread_id)[start:start + max(1, min(limit, MAX_LIMIT))]
    return [as_api(entry) for entry in rows]


@router.post("/threads/{thread_id}/log/{n}/undo", response=Changed)
def undo(request: HttpRequest, thread_id: int, n: int) -> dict[str, Any]:
    user, _thread = _mentored(request, thread_id)
    entry = mentored_entry(user, n)
    if entry is None or not CleanupEntry.objects.of_thread(thread_id).filter(pk=n).exists():
        raise Http404
    return _changed(lambda: undo_entry(user, entry))


def _mentored(request: HttpRequest, thread_id: int) -> tuple[User, Thread]:
    """The caller, if they mentor the thread's group (so signed in), and the thread."""
    user = api_writer(request)
    thread = mentored_thread(user, thread_id)
    if thread is None or not isinstance(user, User):
        raise Http404
    return user, thread


def _message(thread: Thread, message_id: str) -> Message:
    found = Message.objects.select_related("group", "thread").filter(
        thread=thread, message_id=message_id.strip().strip("<>"), is_placeholder=False).first()
    if found is None:
        raise HttpError(404, f"thread {thread.pk} has no message <{message_id.strip('<>')}>")
    return found


def _thread(user: AnyUser, pk: int) -> Thread:
    found = Thread.objects.select_related("group").filter(
        pk=pk, group__in=visible_groups(user)).first()
    if found is None:
        raise HttpError(404, f"no thread {pk}")
    return found


def _changed(action: Callable[[], Done]) -> dict[str, Any]:
    try:
        done = action()
    except Refused as refused:
        raise HttpError(409, refused.reason) from refused
    return {"threads": [{
        "id": t.pk, "group": t.group.slug, "subject": t.subject, "messages": t.message_count,
        "started": t.started, "last_activity": t.last_activity,
        "url": t.get_absolute_url()} for t in done.threads]}
