"""The mentors' weekly summary of nudges: what went out in the groups they follow, so that a
mentor knows who was reminded of what (and can switch a group's nudges off). One mail per
mentor per week, only when nudges went out, recorded (`NudgeSummary`) in the transaction that
queues it; the moment is passed in."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import translation

from learnlink.lib import emails
from learnlink.lib.links import absolute_url
from learnlink.mentoring.dashboard.summary import send_to_each, summary_language
from learnlink.mentoring.models import Nudge, NudgeKind, NudgeSummary
from learnlink.mentoring.permissions import groups_followed_by, summary_readers
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Person

WEEK = datetime.timedelta(days=7)


def week_of(now: datetime.datetime) -> datetime.date:
    """The Monday of `now`'s week."""
    day = now.date()
    return day - datetime.timedelta(days=day.weekday())


def send_weekly_summaries(now: datetime.datetime) -> int:
    week = week_of(now)
    return send_to_each(summary_readers().exclude(nudge_summaries__week=week),
                        lambda person: send_summary(person, week, now), "weekly nudge summary")


def send_summary(person: Person, week: datetime.date, now: datetime.datetime) -> bool:
    address = delivery_address(person)
    if not address:
        return False
    groups = groups_followed_by(person)
    nudges = list(Nudge.objects.filter(group__in=groups, sent__gt=now - WEEK, sent__lte=now)
                  .select_related("group", "organisation").order_by("group__name", "sent"))
    if not nudges:
        return False
    language = summary_language(person, groups)
    with translation.override(language):
        rows = [{"organisation": nudge.organisation.name, "group": nudge.group.name,
                 "kind": str(NudgeKind(nudge.kind).label)} for nudge in nudges]
    link = (absolute_url("mentoring:group", nudges[0].group.slug)
            if len({n.group_id for n in nudges}) == 1 else absolute_url("mentoring:dashboard"))
    with transaction.atomic():
        NudgeSummary.objects.create(person=person, week=week)
        emails.send("mentoring.nudges_summary", address,
                    {"person": person, "rows": rows, "total": len(rows), "link": link},
                    language, from_address=settings.DEFAULT_FROM_EMAIL,
                    headers={"Auto-Submitted": "auto-generated"})
    return True
