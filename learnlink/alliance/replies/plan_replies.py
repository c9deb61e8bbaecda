"""A team's reply to "plan your next cycle" (reflection.mailing): one task a line,

    task; owner; due date; deliverable
    Survey the buyers of greengrams in Mbeere; Peter Mutua Kilonzo; 2004-02-15; Survey report

added to the team's action plan for the next cycle through the same function as the web form
(planning.actions.add_task), so a due date outside the cycle is refused with the form's words.
The owner is named by their full name, their first name if no one else on the team has it, or
their address, among the people who may own the team's tasks on the web.

Per line, not all-or-nothing: each good line is recorded and each bad one comes back with why,
to be corrected and sent again. A coordinator reading the plan wants the tasks the team agreed
on, and a team leader on a phone should not have to retype eight good lines for one mistyped
date; a line sent again after it was recorded is not recorded twice (same task, owner and due
date). Lines without a ";" are the reply's greetings and are left alone; a reply with no task
line is answered with the format and an example. Only the team's people and the alliance's
coordinators may answer, as on the web.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from learnlink.alliance.models import Cycle, EndOfCycleMailing, Partner, Task
from learnlink.alliance.permissions import may_write_for_team_by_mail
from learnlink.alliance.planning import actions
from learnlink.alliance.planning.forms import owners
from learnlink.alliance.replies.answers import answer, refuse
from learnlink.lib.fields import fitted
from learnlink.lib.links import absolute
from learnlink.mail.inbox import finish
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.models import Person

ANSWER = "alliance.plan_answer"
FORMAT = "task; owner; due date; deliverable"
# A task of the Kenya team's plans in the demo alliance.
EXAMPLE = ("Survey the buyers of greengrams in Mbeere; Peter Mutua Kilonzo; 2004-02-15; "
           "Survey report")


class NotUnderstood(ValueError):
    """A line that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class Line:
    text: str
    task: Task | None = None
    already: bool = False
    problem: str = ""


def take(inbound: InboundMessage, parsed: ParsedMessage, person: Person | None, pk: int,
         language: str) -> None:
    mailing = EndOfCycleMailing.objects.select_related(
        "cycle__alliance", "partner__organisation", "partner__alliance").filter(pk=pk).first()
    cycle = mailing.next_cycle() if mailing else None
    if mailing is None or cycle is None:
        refuse(inbound, parsed, language, _("This cycle or this team is no longer in the "
                                            "alliance."), f"plan mailing {pk} gone")
        return
    plan = actions.plan_or_new(mailing.partner, cycle)
    link = absolute(plan.get_absolute_url())
    if person is None or not may_write_for_team_by_mail(person, mailing.partner):
        refuse(inbound, parsed, language, _(
            "Learnlink does not know %(address)s as the address of someone of %(team)s or of "
            "the alliance's coordinators, so nothing was changed.")
            % {"address": parsed.from_address, "team": mailing.partner},
            f"not of {mailing.partner} nor a coordinator (plan mailing {pk})", link)
        return
    texts = [line.strip() for line in parsed.new_text.splitlines() if ";" in line]
    with transaction.atomic():  # the tasks, the answer and the inbox row's end
        lines = [_record(text, mailing.partner, cycle) for text in texts]
        answer(parsed, ANSWER, language, {
            "partner": mailing.partner, "cycle": cycle, "link": link, "format": FORMAT,
            "example": EXAMPLE, "recorded": [line for line in lines if line.task],
            "problems": [line for line in lines if line.problem], "no_lines": not lines})
        recorded = sum(1 for line in lines if line.task and not line.already)
        finish(inbound, State.DONE if recorded else State.REJECTED,
               f"from {parsed.from_address}: plan of {mailing.partner} for cycle "
               f"{cycle.number}: {recorded} recorded, "
               f"{sum(1 for line in lines if line.problem)} lines not understood")


def _record(text: str, partner: Partner, cycle: Cycle) -> Line:
    """One line recorded, found recorded already, or not understood with why."""
    try:
        title, owner, due, deliverable = _read(text, partner)
        with transaction.atomic():  # a refused line leaves no empty plan behind
            plan = actions.plan_for(partner, cycle)
            same = plan.tasks.filter(title=title, owner=owner, due=due).first()
            if same is not None:
                return Line(text, task=same, already=True)
            return Line(text, task=actions.add_task(plan, title=title, owner=owner, due=due,
                                                    deliverable=deliverable))
    except NotUnderstood as error:
        return Line(text, problem=str(error))
    except ValidationError as error:
        return Line(text, problem=" ".join(error.messages))


def _read(text: str, partner: Partner) -> tuple[str, Person, datetime.date, str]:
    fields = [field.strip() for field in text.split(";")]
    if len(fields) < 3 or not all(fields[:3]):
        raise NotUnderstood(_("Give at least the task, its owner and its due date, "
                              "separated by semicolons."))
    title = fitted(Task, "title", fields[0])
    deliverable = fitted(Task, "deliverable", "; ".join(fields[3:]))
    return title, _owner(fields[1], partner), _day(fields[2]), deliverable


def _owner(name: str, partner: Partner) -> Person:
    """The person `name` (full name, a first name only one of them has, or an address) is,
    among those who may own the team's tasks."""
    candidates = list(owners(partner).prefetch_related("email_addresses"))
    folded = name.casefold()
    found = [p for p in candidates if p.name.casefold() == folded
             or any(a.address.casefold() == folded for a in p.email_addresses.all())]
    found = found or [p for p in candidates if p.name.casefold().split(" ")[0] == folded]
    if len(found) != 1:
        raise NotUnderstood(_("%(name)r is not one person of %(team)s: write the owner's full "
                              "name or address.") % {"name": name, "team": partner})
    return found[0]


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise NotUnderstood(_("%(date)r is not a date like 2004-07-15.") % {"date": text}) \
            from None

