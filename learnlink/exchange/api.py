"""The exchange's JSON API: groups, threads, files, what waits for moderators, search.

Every endpoint asks `permissions` which groups the caller may see, exactly as the web does.
"""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from learnlink.exchange.models import Attachment, Group, HeldMessage, HeldStatus, Thread
from learnlink.exchange.permissions import can_moderate, visible_groups
from learnlink.exchange.search import search_messages
from learnlink.exchange.thread_tree import api_parent, tree
from learnlink.mail.models import InboundMessage
from learnlink.mail.parsing import HeaderInfo, ParseError, parse_headers
from learnlink.people.api_auth import api_user
from learnlink.search.engine import MAX_LIMIT as SEARCH_LIMIT

router = Router(tags=["exchange"])
MAX_LIMIT = 200


class GroupOut(Schema):
    slug: str
    name: str
    visibility: str
    members: int


class GroupList(Schema):
    count: int
    items: list[GroupOut]


class ThreadOut(Schema):
    id: int
    subject: str
    messages: int
    started: datetime.datetime
    last_activity: datetime.datetime


class ThreadList(Schema):
    count: int
    items: list[ThreadOut]


class MessageOut(Schema):
    message_id: str
    parent: str | None
    depth: int
    sender: str
    date: datetime.datetime | None
    subject: str
    text: str
    removed: str = ""  # why a mentor removed it; then only its mentors read its text


class ThreadDetail(Schema):
    id: int
    group: str
    subject: str
    messages: list[MessageOut]


class FileOut(Schema):
    id: int
    name: str
    type: str  # the content type the sender's mail gave it
    kind: str  # documents, spreadsheets, images or other, as the page of files filters
    size: int
    sender: str
    date: datetime.datetime | None
    thread: int
    get: str  # the subject of a mail to get@ that sends the file back


class FileList(Schema):
    count: int
    items: list[FileOut]


class HeldOut(Schema):
    message_id: str
    sender: str
    subject: str
    reason: str
    received: datetime.datetime


class HeldList(Schema):
    items: list[HeldOut]


class SearchHit(Schema):
    message_id: str
    thread: int
    group: str
    subject: str
    sender: str
    date: datetime.datetime | None
    snippet: str
    url: str


class SearchOut(Schema):
    count: int
    items: list[SearchHit]


def _window(limit: int, offset: int, most: int = MAX_LIMIT) -> slice:
    limit = max(1, min(limit, most))
    offset = max(0, offset)
    return slice(offset, offset + limit)


def _group(request: HttpRequest, slug: str) -> Group:
    group = visible_groups(api_user(request)).filter(slug=slug).first()
    if group is None:
        raise Http404
    return group


@router.get("/groups", response=GroupList)
def groups(request: HttpRequest, limit: int = 50, offset: int = 0) -> dict[str, object]:
    found = visible_groups(api_user(request)).order_by("name")
    page = found.with_activity()[_window(limit, offset)]
    return {"count": found.count(), "items": list(page)}


@router.get("/groups/{slug}/threads", response=ThreadList)
def threads(request: HttpRequest, slug: str, limit: int = 50,
            offset: int = 0) -> dict[str, object]:
    found = Thread.objects.latest_in(_group(request, slug))
    items = [{"id": t.pk, "subject": t.subject, "messages": t.message_count, "started": t.started,
              "last_activity": t.last_activity} for t in found[_window(limit, offset)]]
    return {"count": found.count(), "items": items}


@router.get("/groups/{slug}/files", response=FileList)
def files(request: HttpRequest, slug: str, limit: int = 50, offset: int = 0) -> dict[str, object]:
    """The group's files as its page of files lists them, newest first."""
    group = _group(request, slug)
    found = Attachment.objects.for_files_page(
        group, with_removed=can_moderate(api_user(request), group))
    items = [{"id": f.pk, "name": f.filename, "type": f.content_type, "kind": f.kind,
              "size": f.size, "sender": f.message.sender_label(group.name),
              "date": f.message.date, "thread": f.message.thread_id, "get": f.get_id}
             for f in Attachment.objects.shown(list(
                 found.values_list("pk", flat=True)[_window(limit, offset)]))]
    return {"count": found.count(), "items": items}


@router.get("/threads/{thread_id}", response=ThreadDetail)
def thread(request: HttpRequest, thread_id: int) -> dict[str, object]:
    user = api_user(request)
    found = Thread.objects.select_related("group").filter(
        pk=thread_id, group__in=visible_groups(user)).first()
    if found is None:
        raise Http404
    moderator = can_moderate(user, found.group)
    messages = [{
        "message_id": item.message.message_id, "parent": api_parent(item),
        "depth": item.depth, "sender": item.message.sender_label(found.group.name),
        "date": item.message.date, "subject": item.message.subject,
        "text": item.message.text if moderator or not item.message.is_removed else "",
        "removed": item.message.removed_reason if item.message.is_removed else "",
    } for item in tree(found) if not item.message.is_placeholder]
    return {"id": found.pk, "group": found.group.slug, "subject": found.subject,
            "messages": messages}


@router.get("/groups/{slug}/held", response=HeldList)
def held(request: HttpRequest, slug: str, limit: int = 50, offset: int = 0) -> dict[str, object]:
    """What waits for a moderator: held messages, then quarantined ones, as one list that
    `limit` and `offset` page through."""
    group = _group(request, slug)
    if not can_moderate(api_user(request), group):
        raise Http404
    window = _window(limit, offset)
    waiting = (HeldMessage.objects.filter(group=group, status=HeldStatus.WAITING)
               .select_related("inbound")[:window.stop])
    items: list[dict[str, object]] = [{
        "message_id": _headers(h.inbound).message_id,
        "sender": h.sender_address, "subject": h.subject, "reason": h.reason,
        "received": h.inbound.received} for h in waiting]
    quarantined = InboundMessage.objects.quarantined().filter(recipient=group.address)
    for inbound in quarantined[:max(0, window.stop - len(items))]:
        headers = _headers(inbound)
        items.append({"message_id": headers.message_id, "sender": headers.from_address,
                      "subject": headers.subject, "reason": inbound.reason,
                      "received": inbound.received})
    return {"items": items[window]}


def _headers(inbound: InboundMessage) -> HeaderInfo:
    """What the header says, or nothing: the quarantine holds what is not an email at all."""
    try:
        return parse_headers(bytes(inbound.raw))
    except ParseError:
        return HeaderInfo(message_id="", references=[], in_reply_to=None, subject="",
                          from_name="", from_address="", date=None)


@router.get("/search", response=SearchOut)
def search(request: HttpRequest, q: str, group: str = "", limit: int = 10,
           offset: int = 0) -> dict[str, object]:
    window = _window(limit, offset, most=SEARCH_LIMIT)  # the engine's own cap, not a 500
    results = search_messages(visible_groups(api_user(request)), q, group_slug=group,
                              limit=window.stop - window.start, offset=window.start)
    return {"count": results.total, "items": [hit.as_api() for hit in results.hits]}
