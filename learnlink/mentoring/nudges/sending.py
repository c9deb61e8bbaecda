"""Sending what is due (`due.due_nudges`) within the limits: at most one nudge per
organisation per week, none of a kind the organisation snoozed, none to a person who opted out,
and each person's budget of reminder-type mail (`mail.reminder_budget`: one a week, never
between 21:00 and 07:00 in the group's time zone), shared with the alliance's task reminders.

Each nudge is recorded (`Nudge`, unique per organisation and key) in the transaction that
queues its mail and spends its readers' budget, so a worker running twice sends it once; one
the limits hold back is not recorded and is tried again at the next hourly run. The moment is
always passed in, so tests (and a worker catching up) choose the clock."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef

from learnlink.exchange.models import Group, Membership, Message
from learnlink.exchange.models.groups import INNER_CIRCLE
from learnlink.lib import emails
from learnlink.lib.links import absolute
from learnlink.mail import reminder_budget
from learnlink.mentoring.models import Nudge, NudgeOptOut, NudgeSnooze
from learnlink.mentoring.nudges.by_email import WORD
from learnlink.mentoring.nudges.due import Due, due_nudges
from learnlink.mentoring.nudges.links import not_now_link, opt_out_link
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Organisation, Person
from learnlink.people.person_language import language_of

log = logging.getLogger(__name__)

WEEK = reminder_budget.WEEK


def send_nudges(now: datetime.datetime) -> int:
    """Every nudge due at `now` that the limits allow; returns how many were sent (one per
    organisation, whatever the number of people written to)."""
    due = due_nudges(now)
    if not due:
        return 0
    done = set(Nudge.objects.filter(key__in={d.key for d in due})
               .values_list("organisation_id", "key"))
    nudged = set(Nudge.objects.filter(sent__gt=now - WEEK, sent__lte=now)
                 .values_list("organisation_id", flat=True))
    snoozed = set(NudgeSnooze.objects.filter(until__gt=now)
                  .values_list("organisation_id", "kind"))
    sent = 0
    for nudge in due:
        if (nudge.organisation, nudge.key) in done or nudge.organisation in nudged \
                or (nudge.organisation, nudge.kind) in snoozed \
                or reminder_budget.quiet_hours(now, nudge.group.time_zone):
            continue
        try:
            if _send(nudge, now):
                nudged.add(nudge.organisation)
                sent += 1
        except Exception:
            log.exception("the %s nudge %s to organisation %s could not be sent",
                          nudge.kind, nudge.key, nudge.organisation)
    return sent


def readers(organisation: int, group: Group,
            now: datetime.datetime) -> list[tuple[Person, str]]:
    """The organisation's people a nudge may go to now, with their address: all of them when
    the organisation is a member, else those in the group's inner circle in person; not
    opted out, with an address that works, and within their budget of reminder-type mail."""
    people = Person.objects.filter(affiliations__organisation=organisation)
    inner = Membership.objects.filter(group=group, role__in=INNER_CIRCLE)
    if not inner.filter(organisation=organisation).exists():
        people = people.filter(pk__in=inner.values("person_id"))
    found = list(people.exclude(Exists(NudgeOptOut.objects.filter(person=OuterRef("pk"))))
                 .prefetch_related("email_addresses").order_by("pk"))
    spent = reminder_budget.reminded_this_week(found, now)
    return [(person, address) for person in found
            if person.pk not in spent and (address := delivery_address(person))]


def _send(nudge: Due, now: datetime.datetime) -> bool:
    to = readers(nudge.organisation, nudge.group, now)
    if not to:
        return False
    organisation = Organisation.objects.get(pk=nudge.organisation)
    key = f"mentoring.nudge_{nudge.kind}"
    try:
        with transaction.atomic():
            Nudge.objects.create(organisation=organisation, group=nudge.group, kind=nudge.kind,
                                 key=nudge.key, message=nudge.message, sent=now,
                                 recipients=len(to))
            for person, address in to:
                reminder_budget.spend(person, now, key)
                emails.send(key, address, _context(nudge, organisation, person, now),
                            language_of(person) or nudge.group.language,
                            from_address=settings.DEFAULT_FROM_EMAIL,
                            reply_to=nudge.group.address,
                            headers={"Auto-Submitted": "auto-generated"})
    except IntegrityError:  # another worker sent it a moment ago
        return False
    return True


def _name_of_sender(message: Message) -> str:
    """As the archive names a sender: the name they wrote, else their profile's, else the
    address."""
    return message.sender_name or (message.sender.name if message.sender else "") \
        or message.sender_address


def _context(nudge: Due, organisation: Organisation, person: Person,
             now: datetime.datetime) -> dict[str, object]:
    message = nudge.message
    return {"person": person, "organisation": organisation, "group": nudge.group,
            "asker": _name_of_sender(message) if message else "",
            "topic": message.thread.subject if message else "",
            "days": (now - (message.date if message and message.date
                            else nudge.since or now)).days,
            "link": absolute(message.get_absolute_url() if message
                             else nudge.group.get_absolute_url()),
            "not_now": not_now_link(organisation.pk, nudge.kind),
            "opt_out": opt_out_link(person.pk),
            "reminders": nudge.group.command_address(WORD)}
