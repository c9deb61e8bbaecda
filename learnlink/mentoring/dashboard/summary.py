"""The mentors' morning summary: the dashboard by email, for the mentor in the field who reads
mail at a café once a day. One mail per mentor per day, only when something in the groups they
follow needs them, in their language: each concern's count and its first rows, with the links
to act, and the link to the whole dashboard. Recorded (`MorningSummary`) in the transaction that
queues it, so a worker that runs twice sends it once; the day is passed in, so tests and a
worker catching up choose the clock."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from learnlink.exchange.models import Group
from learnlink.lib import emails
from learnlink.lib.links import absolute, absolute_url
from learnlink.mentoring.concerns import Row
from learnlink.mentoring.dashboard.sections import FIRST_ROWS, Section, sections
from learnlink.mentoring.models import MorningSummary
from learnlink.mentoring.permissions import groups_followed_by, summary_readers
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Person
from learnlink.people.person_language import language_of

log = logging.getLogger(__name__)


def send_morning_summaries(today: datetime.date, now: datetime.datetime | None = None) -> int:
    """Every mentor's summary of `today` not sent yet; returns how many went into the outbox.
    One that cannot be sent is logged and left for tomorrow; it never stops the others."""
    moment = now or timezone.now()
    return send_to_each(summary_readers().exclude(morning_summaries__day=today),
                        lambda person: send_summary(person, today, moment), "morning summary")


def send_to_each(readers: QuerySet[Person], send: Callable[[Person], bool], what: str) -> int:
    """`send` to each reader; how many were sent. A reader whose mail fails is logged and
    left for the next run: it never stops the others."""
    sent = 0
    for person in readers.select_related("user").prefetch_related("email_addresses"):
        try:
            sent += send(person)
        except Exception:
            log.exception("the %s of %s could not be sent", what, person)
    return sent


def send_summary(person: Person, today: datetime.date, now: datetime.datetime) -> bool:
    """The person's summary, if something waits and they have an address that works."""
    address = delivery_address(person)
    if not address:
        return False
    groups = groups_followed_by(person)
    language = summary_language(person, groups)
    with translation.override(language):
        waiting = [section for section in sections(groups, now, size=FIRST_ROWS)
                   if section.count]
        if not waiting:
            return False
        context = {"person": person, "sections": [_mailed(section) for section in waiting],
                   "total": sum(section.count for section in waiting),
                   "link": absolute_url("mentoring:dashboard")}
    with transaction.atomic():
        MorningSummary.objects.create(person=person, day=today)
        emails.send("mentoring.summary", address, context, language,
                    from_address=settings.DEFAULT_FROM_EMAIL,
                    headers={"Auto-Submitted": "auto-generated"})
    return True


def summary_language(person: Person, groups: QuerySet[Group]) -> str:
    """The mentor's own language; else the one all their groups speak; else the site's."""
    spoken = language_of(person)
    if spoken:
        return spoken
    languages = set(groups.order_by().values_list("language", flat=True).distinct()[:2])
    return languages.pop() if len(languages) == 1 else settings.LANGUAGE_CODE


def _mailed(section: Section) -> dict[str, Any]:
    """A section as the mail shows it: the same rows, their links made absolute."""
    return {"title": section.title, "count": section.count, "more": section.more,
            "rows": [_absolute(row) for row in section.rows]}


def _absolute(row: Row) -> dict[str, Any]:
    return {"text": row.text, "group": row.group, "action": row.action,
            "url": absolute(row.url) if row.url.startswith("/") else row.url,
            "action_url": (absolute(row.action_url) if row.action_url.startswith("/")
                           else row.action_url)}
