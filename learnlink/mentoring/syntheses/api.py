"""Syntheses through the JSON API, for the group's mentors (session or Bearer token):

- `GET /api/threads/{id}/synthesis/draft`: the drafter's draft, every point with the Message-ID
  of the mail it comes from;
- `POST /api/threads/{id}/synthesis`: publish an edited one (the same shape): a new version of
  the thread's own synthesis, or its first.

A thread the caller does not mentor is 404, as the web answers; a point citing a Message-ID
that is not the thread's is 422 with the ids named.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from learnlink.exchange.models import Thread
from learnlink.lib.links import absolute
from learnlink.mentoring.permissions import mentored_thread
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item, Links, limited
from learnlink.mentoring.syntheses.drafting import draft
from learnlink.people.api_auth import api_user, api_writer

router = Router(tags=["mentoring"])


class PointSchema(Schema):
    text: str
    message_id: str | None = ""


class DraftOut(Schema):
    learned: list[PointSchema]
    standing: str
    next_questions: list[PointSchema]
    source: str


class SynthesisIn(Schema):
    learned: list[PointSchema] = []
    standing: str = ""
    next_questions: list[PointSchema] = []
    title: str = ""
    language: str = ""


class PublishedOut(Schema):
    id: int
    version: int
    language: str
    title: str
    url: str
    learned: list[PointSchema]
    standing: str
    next_questions: list[PointSchema]


def _thread(user: User | AnonymousUser, thread_id: int) -> Thread:
    thread = mentored_thread(user, thread_id)
    if thread is None:
        raise Http404
    return thread


@router.get("/threads/{thread_id}/synthesis/draft", response=DraftOut)
def synthesis_draft(request: HttpRequest, thread_id: int) -> dict[str, object]:
    drafted = draft([_thread(api_user(request), thread_id)])
    content = Content.of_draft(drafted)
    return {**content.stored(), "source": drafted.source}


@router.post("/threads/{thread_id}/synthesis", response=PublishedOut)
def publish_synthesis(request: HttpRequest, thread_id: int,
                      body: SynthesisIn) -> dict[str, object]:
    user = api_writer(request)
    thread = _thread(user, thread_id)
    if body.language and body.language not in dict(settings.LANGUAGES):
        raise HttpError(422, f"language must be one of {', '.join(dict(settings.LANGUAGES))}")
    links = Links.of_threads([thread])
    try:
        content = limited(Content(
            links.checked(_items(body.learned)), body.standing.strip(),
            links.checked(_items(body.next_questions))))
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from error
    version = services.publish_for_thread(thread, content, user if isinstance(user, User)
                                          else None, body.language, body.title.strip()[:300])
    return {"id": version.synthesis_id, "version": version.number, "language": version.language,
            "title": version.title, "url": absolute(thread.get_absolute_url()),
            **version.content()}


def _items(points: list[PointSchema]) -> list[Item]:
    return [Item(" ".join(point.text.split()), (point.message_id or "").strip("<> "))
            for point in points if point.text.strip()]
