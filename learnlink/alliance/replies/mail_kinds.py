"""The mail of the alliance by reply, for the catalogue (learnlink.lib.emails): the answers to
replies, the coordinators' notice of a new due date asked for, the reflection questions and the
invitation to plan the next cycle; samples from the demo alliance (its Uganda team's task, its
Kenya team's reflection and plan), built without the database."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models.reflection import QUESTIONS
from learnlink.alliance.planning.mail_kinds import sample_task
from learnlink.alliance.replies.plan_replies import EXAMPLE as PLAN_EXAMPLE
from learnlink.alliance.replies.plan_replies import FORMAT, Line
from learnlink.alliance.replies.reflection_replies import EXAMPLE
from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute_url

NEW_DATE = datetime.date(2004, 7, 15)


def _task_answer() -> dict[str, Any]:
    """What `task_replies.take` gives: the owner asked for a new due date."""
    return {**sample_task(3), "outcome": "asked", "day": NEW_DATE,
            "link": absolute_url("alliance:task", "ciat-crs-east-africa", 57)}


def _plan(**context: Any) -> dict[str, Any]:
    """What `reflection.mailing` and `plan_replies` give, for the Kenya team's cycle 2."""
    return _reflection(cycle={"number": 2, "start": datetime.date(2004, 1, 1),
                              "end": datetime.date(2004, 12, 31)},
                       format=FORMAT, example=PLAN_EXAMPLE,
                       link=absolute_url("alliance:plan", "ciat-crs-east-africa", 2, 4),
                       **context)


def _plan_answer() -> dict[str, Any]:
    """One line recorded (the catalogue page shows every kind on one page of at most 50 KB)."""
    task = {"title": "Survey the buyers of greengrams in Mbeere",
            "owner": {"name": "Peter Mutua Kilonzo"}, "due": datetime.date(2004, 2, 15),
            "deliverable": "Survey report"}
    return _plan(recorded=[Line(PLAN_EXAMPLE, task=task)],  # type: ignore[arg-type]
                 problems=[], no_lines=False)


def _reflection(**context: Any) -> dict[str, Any]:
    """What `reflection.mailing` and `reflection_replies` give, for the Kenya team."""
    return {"cycle": {"number": 1, "end": datetime.date(2003, 12, 31)},
            "alliance": {"name": "CIAT–CRS East Africa Learning Alliance"},
            "partner": "CRS Kenya", "name": "Peter Mutua Kilonzo", "questions": QUESTIONS,
            "example": EXAMPLE,
            "link": absolute_url("alliance:answer", "ciat-crs-east-africa", 1, 4), **context}


KINDS = [
    Kind("alliance", "task_answer",
         _("who replied to a task reminder: what was recorded, or why nothing was"),
         _task_answer),
    Kind("alliance", "due_date_asked",
         _("the alliance's coordinators, when a task's owner asks for a new due date by mail"),
         lambda: {**_task_answer(), "due": NEW_DATE, "asked_by": "Sarah Nabukeera"}),
    Kind("alliance", "reply_refused",
         _("who replied to the alliance's mail from an address or to an address that may not "
           "answer it"),
         lambda: {"reason": _("This reply address was not made by Learnlink: reply to the "
                              "mail Learnlink sent you, without changing its address."),
                  "link": ""}),
    Kind("alliance", "reflection_questions",
         _("each partner team's participants, when a cycle ends"), _reflection),
    Kind("alliance", "reflection_answer",
         _("who replied to the reflection questions: what was recorded, or what to fix"),
         lambda: _reflection(outcome="recorded",
                             recorded=[(QUESTIONS[0][1], EXAMPLE.splitlines()[0][3:])])),
    Kind("alliance", "plan_next_cycle",
         _("each partner team's participants, when a cycle ends and the next one is set"),
         _plan),
    Kind("alliance", "plan_answer",
         _("who replied with a plan: what was recorded and what was not understood"),
         _plan_answer),
]
