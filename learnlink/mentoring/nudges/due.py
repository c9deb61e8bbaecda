"""What deserves a nudge at a given moment, before any limit is applied: each `Due` names the
organisation to write to, the group, and a key for the thing it is about (the quiet spell, the
question, the plan), so that the same thing is never nudged twice. A fixed number of queries,
whatever the number of groups.

A group's organisations are those of its inner circle: member organisations, and the
organisations of its members in person (learners, mentors, owners; observers are not asked).

- a group quiet for QUIET_DAYS: its organisations;
- a question to a group unanswered for QUESTION_DAYS: the group's organisations other than
  the asker's (those that could answer);
- a plan shared PLAN_DAYS ago with no later message from its organisation in the group: that
  organisation ("how did it go?").

Questions and plans older than their delay plus their look-back are history, not nudged:
switching nudges on must not wake every question of the archive. A plan's "how did it go?"
still makes sense a few months on; a question's answer is rarely wanted after a month.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max

from learnlink.exchange.models import Group, Membership, Message, Thread
from learnlink.exchange.models.groups import INNER_CIRCLE
from learnlink.mentoring.models import MessageLabels, NudgeKind, Question
from learnlink.people.models import Affiliation

QUIET_DAYS = 30
QUESTION_DAYS = 7
PLAN_DAYS = 60
QUESTION_LOOK_BACK = datetime.timedelta(days=30)
PLAN_LOOK_BACK = datetime.timedelta(days=60)
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Due:
    kind: str
    group: Group
    organisation: int
    key: str
    message: Message | None = None
    since: datetime.datetime | None = None  # the quiet group's last activity


def nudging_groups() -> list[Group]:
    """Groups whose mentors did not switch nudges off (no settings row: on)."""
    return list(Group.objects.exclude(dashboard_settings__nudges=False))


def last_activity(groups: list[Group]) -> dict[int, datetime.datetime]:
    """Each group's latest thread activity, or its creation for a group never written to."""
    latest = dict(Thread.objects.filter(group__in=groups).values("group_id")
                  .annotate(last=Max("last_activity")).values_list("group_id", "last")
                  .order_by())
    return {group.pk: latest.get(group.pk) or group.created for group in groups}


def due_nudges(now: datetime.datetime) -> list[Due]:
    groups = nudging_groups()
    circles = _inner_organisations([group.pk for group in groups])
    return [*quiet_groups(now, groups, circles), *unanswered_questions(now, groups, circles),
            *plans_without_news(now, groups, circles)]


def _inner_organisations(groups: list[int]) -> dict[int, set[int]]:
    """Each group's organisations: its inner circle's member organisations and those of its
    inner circle's people, in two queries."""
    found: dict[int, set[int]] = defaultdict(set)
    inner = Membership.objects.filter(group__in=groups, role__in=INNER_CIRCLE)
    for group, organisation in inner.filter(organisation__isnull=False).values_list(
            "group_id", "organisation_id"):
        found[group].add(organisation)
    for group, organisation in inner.filter(
            person__affiliations__isnull=False).values_list(
            "group_id", "person__affiliations__organisation_id"):
        found[group].add(organisation)
    return found


def quiet_groups(now: datetime.datetime, groups: list[Group],
                 circles: dict[int, set[int]]) -> list[Due]:
    last = last_activity(groups)
    quiet = [g for g in groups if last[g.pk] <= now - QUIET_DAYS * DAY]
    return [Due(NudgeKind.QUIET, group, organisation,
                f"quiet:{group.pk}:{last[group.pk]:%Y-%m-%d}", since=last[group.pk])
            for group in quiet for organisation in sorted(circles[group.pk])]


def _organisations_of(people: set[int]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for person, organisation in Affiliation.objects.filter(person__in=people).values_list(
            "person_id", "organisation_id"):
        found[person].add(organisation)
    return found


def unanswered_questions(now: datetime.datetime, groups: list[Group],
                         circles: dict[int, set[int]]) -> list[Due]:
    latest = now - QUESTION_DAYS * DAY
    by_pk = {group.pk: group for group in groups}
    questions = list(Question.objects.filter(
        group__in=by_pk, answered__isnull=True, asked__lte=latest,
        asked__gt=latest - QUESTION_LOOK_BACK)
        .select_related("message__sender", "message__thread").order_by("asked"))
    askers = _organisations_of({q.message.sender_id for q in questions if q.message.sender_id})
    return [Due(NudgeKind.QUESTION, by_pk[q.group_id], organisation,
                f"question:{q.message_id}", q.message)
            for q in questions for organisation in sorted(circles[q.group_id])
            if organisation not in askers.get(q.message.sender_id or 0, set())]


def plans_without_news(now: datetime.datetime, groups: list[Group],
                       circles: dict[int, set[int]]) -> list[Due]:
    latest = now - PLAN_DAYS * DAY
    by_pk = {group.pk: group for group in groups}
    plans = [labels.message for labels in MessageLabels.objects.filter(
        plan=True, message__group__in=by_pk, message__sender__isnull=False,
        message__date__lte=latest, message__date__gt=latest - PLAN_LOOK_BACK)
        .select_related("message__sender", "message__thread")
        .order_by("message__date")]
    if not plans:
        return []
    sharers = _organisations_of({plan.sender_id for plan in plans if plan.sender_id})
    last_word = _last_messages({plan.group_id for plan in plans},
                               set().union(*sharers.values()) if sharers else set(),
                               min(plan.date for plan in plans if plan.date), now)
    found = []
    for plan in plans:
        for organisation in sharers.get(plan.sender_id or 0, set()):
            said = last_word.get((plan.group_id, organisation))
            if organisation in circles[plan.group_id] and plan.date \
                    and not (said and plan.date < said):
                found.append(Due(NudgeKind.PLAN, by_pk[plan.group_id], organisation,
                                 f"plan:{plan.pk}", plan))
    return found


def _last_messages(groups: set[int], organisations: set[int], after: datetime.datetime,
                   now: datetime.datetime) -> dict[tuple[int, int], datetime.datetime]:
    """Each (group, organisation)'s latest message after `after` and by `now`, one query."""
    rows = (Message.objects.filter(group__in=groups, date__gt=after, date__lte=now,
                                   sender__affiliations__organisation__in=organisations)
            .values_list("group_id", "sender__affiliations__organisation_id")
            .annotate(latest=Max("date")).order_by())
    return {(group, organisation): latest for group, organisation, latest in rows}
