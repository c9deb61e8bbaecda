"""The agenda's mail, for the catalogue (learnlink.lib.emails), with samples drawn from the
demo network: Halima Mbwambo proposes, by mail, that Muheza learns how the Mbeya warehouse
issues receipts; the collective marketing dialogue opens its synthesis stage. Built without
the database."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute
from learnlink.mentoring.models import Stage

GROUP = "Machungwa Muheza: kuuza pamoja"
TOPIC = "Stakabadhi za ghala kwa machungwa?"


def _proposed() -> dict[str, Any]:
    return {"group": GROUP, "title": TOPIC, "url": absolute("/mentoring/oranges-muheza/agenda/3/"),
            "agenda": absolute("/mentoring/oranges-muheza/agenda/"),
            "address": "oranges-muheza+agenda@learnlink.example.org"}


def _refused() -> dict[str, Any]:
    return {**_proposed(), "reason": _("A topic needs a few words saying what you want to "
                                       "learn: when you write to the agenda's address, the "
                                       "subject is the topic.")}


def _stage() -> dict[str, Any]:
    return {"topic": "Kuuza pamoja kwa mnunuzi mkubwa", "group": GROUP,
            "stage": Stage.SYNTHESIS,
            "last_day": timezone.localdate() + datetime.timedelta(days=29),
            "url": absolute("/mentoring/oranges-muheza/agenda/1/"),
            "address": "oranges-muheza@learnlink.example.org"}


KINDS = [
    Kind("mentoring", "agenda_proposed",
         _("a learner whose topic for the agenda arrived by mail"), _proposed),
    Kind("mentoring", "agenda_supported",
         _("a member whose mail to an agenda's address named a topic on it already, which "
           "their mail supports"), _proposed),
    Kind("mentoring", "agenda_refused",
         _("someone whose mail to an agenda's address proposed no topic, and why"), _refused),
    Kind("mentoring", "dialogue_stage",
         _("the learners and mentors of a group when a stage of its dialogue opens, once"),
         _stage),
]
