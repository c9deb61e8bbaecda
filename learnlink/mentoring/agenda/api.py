"""GET /api/groups/{slug}/agenda: the group's topics with their state, supporters and history,
for whoever may read the agenda on the web (a session or a Bearer token); 404 to anyone else."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from learnlink.exchange.models import Group
from learnlink.lib.links import absolute
from learnlink.mentoring.models import Topic
from learnlink.mentoring.permissions import may_read_agenda
from learnlink.people.api_auth import api_user

router = Router(tags=["mentoring"])


class SupporterOut(Schema):
    person: str
    organisation: str | None
    date: datetime.datetime


class ChangeOut(Schema):
    by: str | None
    date: datetime.datetime
    from_state: str | None  # None: the proposal
    to_state: str
    note: str  # the mentor's own words
    cause: str | None  # "workshop" (chosen at one), "dialogue" (started one), or None


class DialogueOut(Schema):
    opens: datetime.date
    synthesis_opens: datetime.date
    feedback_opens: datetime.date
    ends: datetime.date
    closed: datetime.datetime | None


class TopicOut(Schema):
    id: int
    title: str
    description: str
    state: str
    url: str
    proposed_by: str | None
    proposed: datetime.datetime
    organisations: int
    supporters: list[SupporterOut]
    history: list[ChangeOut]
    dialogue: DialogueOut | None


class AgendaOut(Schema):
    group: str
    items: list[TopicOut]


@router.get("/groups/{slug}/agenda", response=AgendaOut)
def agenda(request: HttpRequest, slug: str) -> dict[str, object]:
    group = Group.objects.filter(slug=slug).first()
    if group is None or not may_read_agenda(api_user(request), group):
        raise Http404
    topics = Topic.objects.filter(group=group).for_agenda(with_history=True)
    return {"group": group.slug, "items": [_item(topic) for topic in topics]}


def _item(topic: Topic) -> dict[str, object]:
    dialogue = getattr(topic, "dialogue", None)
    return {
        "id": topic.pk, "title": topic.title, "description": topic.description,
        "state": topic.state, "url": absolute(topic.get_absolute_url()),
        "proposed_by": topic.proposed_by.name if topic.proposed_by else None,
        "proposed": topic.created, "organisations": topic.organisations,  # type: ignore[attr-defined]
        "supporters": [{"person": s.person.name,
                        "organisation": s.organisation.name if s.organisation else None,
                        "date": s.created} for s in topic.supports.all()],
        "history": [{"by": c.by.name if c.by else None, "date": c.when,
                     "from_state": c.from_state or None, "to_state": c.to_state,
                     "note": c.note, "cause": c.cause or None} for c in topic.changes.all()],
        "dialogue": dialogue and {"opens": dialogue.opens, "synthesis_opens":
                                  dialogue.synthesis_opens, "feedback_opens":
                                  dialogue.feedback_opens, "ends": dialogue.ends,
                                  "closed": dialogue.closed},
    }
