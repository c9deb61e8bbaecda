"""The mail of a cycle's end: each partner team's participants get the three reflection
questions and, if the next cycle is set, the invitation to plan it, once per team and cycle
(EndOfCycleMailing). Each has a reply address that names that row, so the team's replies land
as its answers and as tasks of its next plan (alliance.replies). Learnlink has no "team leader"
role: the team's participants get both, as any of them may write for the team on the web. A
worker that missed the day catches up for `CATCH_UP` days; a cycle whose synthesis is
published is past asking. The day is passed in, as for task reminders.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from learnlink.alliance.models import Cycle, EndOfCycleMailing, Participant, Partner
from learnlink.alliance.models.reflection import QUESTIONS
from learnlink.alliance.planning.actions import plan_or_new
from learnlink.alliance.planning.reminders import language_for
from learnlink.alliance.replies.address import reply_address
from learnlink.alliance.replies.plan_replies import EXAMPLE, FORMAT
from learnlink.lib import emails
from learnlink.lib.links import absolute
from learnlink.people.addresses import delivery_address

log = logging.getLogger(__name__)

CATCH_UP = datetime.timedelta(days=14)
QUESTIONS_KIND = "alliance.reflection_questions"
PLAN_KIND = "alliance.plan_next_cycle"


def ended_cycles(today: datetime.date) -> list[Cycle]:
    return list(Cycle.objects.filter(end__lte=today, end__gt=today - CATCH_UP)
                .exclude(synthesis__published__isnull=False).select_related("alliance"))


def send_questions(today: datetime.date) -> int:
    """Every team of every cycle that ended lately and was not asked yet; how many mails went
    into the outbox. One team that fails is logged and tried again the next day."""
    sent = 0
    for cycle in ended_cycles(today):
        asked = EndOfCycleMailing.objects.filter(cycle=cycle).values_list("partner_id", flat=True)
        for partner in cycle.alliance.partners.exclude(pk__in=asked).select_related(
                "organisation"):
            try:
                sent += _ask(cycle, partner, today)
            except Exception:
                log.exception("the reflection questions of cycle %s could not go to %s",
                              cycle.pk, partner)
    return sent


def _ask(cycle: Cycle, partner: Partner, today: datetime.date) -> int:
    people = [p.person for p in Participant.objects.filter(partner=partner).select_related(
        "person").prefetch_related("person__email_addresses").order_by("pk")]
    with transaction.atomic():
        mailing = EndOfCycleMailing.objects.create(cycle=cycle, partner=partner, sent_on=today)
        mails = [(QUESTIONS_KIND, reply_address("reflection", mailing.pk), {
            "cycle": cycle, "questions": QUESTIONS, "link": absolute(reverse(
                "alliance:answer", args=[cycle.alliance.slug, cycle.number, partner.pk]))})]
        following = mailing.next_cycle()
        if following is not None:
            mails.append((PLAN_KIND, reply_address("plan", mailing.pk), {
                "cycle": following, "format": FORMAT, "example": EXAMPLE,
                "link": absolute(plan_or_new(partner, following).get_absolute_url())}))
        sent = 0
        for person in people:
            address = delivery_address(person) or ""
            for kind, reply_to, context in mails if address else []:
                emails.send(kind, address, {**context, "alliance": cycle.alliance,
                                            "partner": partner, "name": person.name},
                            language_for(person), from_address=settings.DEFAULT_FROM_EMAIL,
                            reply_to=reply_to, headers={"Auto-Submitted": "auto-generated"})
                sent += 1
    return sent
