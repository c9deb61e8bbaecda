"""`POST /api/groups/{slug}/messages`: a post through the same path as the web form and mail."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from learnlink.exchange.models import Group
from learnlink.exchange.permissions import poster, visible_groups
from learnlink.exchange.web_posting import NoAddress, TooLarge, post_on_web
from learnlink.people.api_auth import api_writer

router = Router(tags=["exchange"])


class PostIn(Schema):
    subject: str = ""
    text: str
    in_reply_to: int | None = None  # the id of the message answered


class PostOut(Schema):
    id: int | None  # None while the post waits for a moderator
    thread: int | None
    held: bool


@router.post("/groups/{slug}/messages", response=PostOut)
def post_message(request: HttpRequest, slug: str, data: PostIn) -> dict[str, object]:
    """404 for a group the caller may not read, 403 for one they may not post to."""
    user = api_writer(request)
    group: Group | None = visible_groups(user).filter(slug=slug).first()
    if group is None:
        raise HttpError(404, "no such group")
    person = poster(user, group)
    if person is None:
        raise HttpError(403, "only the group's members may post here")
    parent = None
    if data.in_reply_to is not None:
        parent = group.messages.filter(pk=data.in_reply_to, is_placeholder=False).first()
        if parent is None:
            raise HttpError(404, "no such message in this group")
    if not data.text.strip() or not (data.subject.strip() or parent):
        raise HttpError(422, "a post needs a text, and a subject unless it is a reply")
    try:
        outcome = post_on_web(person, group, data.subject, data.text, parent)
    except TooLarge as error:
        raise HttpError(413, f"larger than the group's limit of {error.limit:,} bytes") from None
    except NoAddress:
        raise HttpError(409, "mail cannot reach any of your addresses") from None
    message = outcome.message
    return {"id": message.pk if message else None,
            "thread": message.thread_id if message else None, "held": outcome.held is not None}
