"""Where a dialogue stands on a given day, who takes part, and the mail that tells each of them
when a stage opens: once per stage and person (the reminder row is written in the transaction
that queues the mail), in the person's language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from learnlink.exchange.models import Group
from learnlink.exchange.models.groups import INNER_CIRCLE
from learnlink.lib import emails
from learnlink.lib.links import absolute
from learnlink.mentoring.models import Dialogue, DialogueReminder, Stage
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Person
from learnlink.people.person_language import language_of

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Running:
    """A dialogue's stage on a day: its first and last days; `overdue` once its end passed and
    no mentor closed it yet."""

    dialogue: Dialogue
    stage: Stage
    opened: datetime.date
    last_day: datetime.date
    overdue: bool


def running(dialogue: Dialogue, day: datetime.date) -> Running | None:
    found = dialogue.stage_on(day)
    if found is None:
        return None
    stage, opened, after = found
    return Running(dialogue, stage, opened, after - DAY, day >= dialogue.ends)


def running_in(group: Group, day: datetime.date) -> list[Running]:
    """The group's dialogues running on `day` (one query)."""
    dialogues = (Dialogue.objects.select_related("topic__group")
                 .filter(topic__group=group, closed__isnull=True, opens__lte=day)
                 .order_by("opens", "pk"))
    return [shown for dialogue in dialogues if (shown := running(dialogue, day))]


def participants(group: Group) -> QuerySet[Person]:
    """The group's inner circle: its learners, mentors and owners, in person or through their
    organisation."""
    return Person.objects.filter(
        Q(memberships__group=group, memberships__role__in=INNER_CIRCLE)
        | Q(affiliations__organisation__memberships__group=group,
            affiliations__organisation__memberships__role__in=INNER_CIRCLE)).distinct()


def send_stage_reminders(today: datetime.date) -> int:
    """Tell each participant of every running dialogue that its current stage is open, unless
    they were told already; the number of mails queued."""
    dialogues = Dialogue.objects.select_related("topic__group").filter(
        closed__isnull=True, opens__lte=today, ends__gt=today)
    sent = 0
    for dialogue in dialogues:
        now = running(dialogue, today)
        if now is not None:
            sent += _remind(now)
    return sent


def _remind(now: Running) -> int:
    group = now.dialogue.topic.group
    told = DialogueReminder.objects.filter(dialogue=now.dialogue, stage=now.stage)
    people = (participants(group).exclude(pk__in=told.values("person_id"))
              .prefetch_related("email_addresses"))
    sent = 0
    for person in people:
        address = delivery_address(person)
        if address is None:
            continue
        try:
            with transaction.atomic():
                DialogueReminder.objects.create(dialogue=now.dialogue, stage=now.stage,
                                                person=person)
                emails.send("mentoring.dialogue_stage", address, context(now),
                            language_of(person) or group.language)
        except IntegrityError:  # another worker told them in the meantime
            continue
        sent += 1
    return sent


def context(now: Running) -> dict[str, object]:
    topic = now.dialogue.topic
    return {"topic": topic.title, "group": topic.group.name, "stage": now.stage,
            "last_day": now.last_day, "url": absolute(topic.get_absolute_url()),
            "address": topic.group.address}
