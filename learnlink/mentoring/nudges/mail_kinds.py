"""The nudges' mail for the catalogue (learnlink.lib.emails), with samples from the demo
network built without the database: Kilulu's orange growers asked about Muheza's quiet group,
a Babati question waiting, and the warehouse receipt plan of Mbonzo."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from learnlink.exchange.models import Group
from learnlink.lib.emails import Kind
from learnlink.lib.lazy_text import filled
from learnlink.lib.links import absolute, absolute_url
from learnlink.mentoring.models import NudgeKind
from learnlink.mentoring.nudges.links import SNOOZE_DAYS
from learnlink.people.models import Organisation, Person

ORANGES = Group(slug="oranges-muheza", name="Machungwa Muheza: kuuza pamoja")


def _sample(topic: str = "", days: int = 34) -> dict[str, Any]:
    return {"person": Person(name="Mwanaisha Shabani"),
            "organisation": Organisation(name="Kilulu Orange Growers"), "group": ORANGES,
            "topic": topic, "days": days,
            "link": absolute("/groups/oranges-muheza/messages/123/"),
            "not_now": absolute("/mentoring/nudges/not-now/eyJvIjoxfQ:sample/"),
            "opt_out": absolute("/mentoring/nudges/stop/eyJwIjoxfQ:sample/"),
            "reminders": "oranges-muheza+reminders@learnlink.example.org"}


def _question() -> dict[str, Any]:
    return {**_sample("Who buys oranges by the crate in Tanga?", days=9),
            "asker": "Daudi Tlatla"}


def _plan() -> dict[str, Any]:
    return _sample("We will store our rice in the Mbonzo warehouse", days=61)


def _summary() -> dict[str, Any]:
    return {"person": Person(name="Zuhura Shemdoe"), "total": 2,
            "link": absolute_url("mentoring:group", ORANGES.slug),
            "rows": [{"organisation": "Kilulu Orange Growers", "group": ORANGES.name,
                      "kind": NudgeKind.QUIET.label},
                     {"organisation": "Babati Market Spies", "group": ORANGES.name,
                      "kind": NudgeKind.PLAN.label}]}


def _reply() -> dict[str, Any]:
    return {"group": ORANGES, "address": "oranges-muheza+reminders@learnlink.example.org",
            "outcome": filled(gettext_lazy("Done: no reminders from %(group)s to "
                                           "%(organisations)s for %(days)s days."),
                              {"group": ORANGES.name, "organisations": "Kilulu Orange Growers",
                               "days": SNOOZE_DAYS})}


TO_ORGANISATION = gettext_lazy("the people of a group's organisation, at most once a week, "
                               "never at night")
KINDS = [
    Kind("mentoring", "nudge_quiet", TO_ORGANISATION, _sample),
    Kind("mentoring", "nudge_question", TO_ORGANISATION, _question),
    Kind("mentoring", "nudge_plan", TO_ORGANISATION, _plan),
    Kind("mentoring", "reminders_reply",
         gettext_lazy("whoever wrote to a group's reminders address: what their mail did"),
         _reply),
    Kind("mentoring", "nudges_summary",
         gettext_lazy("each mentor, weekly, when reminders went out in their groups"), _summary),
]
