"""One budget of reminder-type mail per person, whatever sends it: at most one a week, and
none in the quiet hours (21:00 to 07:00 where the reader is). Nudges (mentoring) and the
alliance's task reminders both ask here before they write and spend here in the transaction
that queues the mail, so the rule lives in one place and a mail rolled back costs nothing.
A reminder refused today is simply not recorded by its sender, who tries again later."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable

from learnlink.mail.models import ReminderMail
from learnlink.people.models import Person

WEEK = datetime.timedelta(days=7)
QUIET_FROM = datetime.time(21, 0)
QUIET_UNTIL = datetime.time(7, 0)


def quiet_hours(now: datetime.datetime, zone: str) -> bool:
    """Whether `now` falls between 21:00 and 07:00 in `zone` (a name such as
    Africa/Dar_es_Salaam): nobody's phone should buzz with a reminder at night."""
    local = now.astimezone(zoneinfo.ZoneInfo(zone)).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def reminded_this_week(people: Iterable[Person | int], now: datetime.datetime) -> set[int]:
    """Of these people (or their pks), those who had a reminder-type mail in the week before
    `now`: one query whatever their number."""
    pks = [p if isinstance(p, int) else p.pk for p in people]
    return set(ReminderMail.objects.filter(person__in=pks, sent__gt=now - WEEK, sent__lte=now)
               .values_list("person_id", flat=True))


def may_remind(person: Person, now: datetime.datetime, zone: str) -> bool:
    return not quiet_hours(now, zone) and person.pk not in reminded_this_week([person], now)


def spend(person: Person, now: datetime.datetime, kind: str) -> None:
    """Count a reminder-type mail to `person`: call it in the transaction that queues it."""
    ReminderMail.objects.create(person=person, sent=now, kind=kind)
