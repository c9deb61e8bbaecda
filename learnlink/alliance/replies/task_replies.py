"""Replies to a task reminder, at the reminder's signed reply address (address.py).

`done` marks the task done on the day the reply arrived and `drop <reason>` drops it, through
the same actions the plan's page calls; `new date 2004-07-15` records the owner's request,
which the alliance's coordinators confirm on the task's page or by reply to the notice they
get (date_replies). Only the task's owner, their team and the alliance's coordinators may
answer (the people who may do the same on the web); anyone else, and a forged, unknown or
expired reply address, is answered with why and the mail quarantined for a person to see.
Every reply gets a short answer saying what was recorded, or what was not understood with
examples, in the sender's language; the action, the answer and the inbox row's end are one
transaction.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from learnlink.alliance.models import DueDateRequest, Task, TaskStatus
from learnlink.alliance.permissions import may_answer_task_by_mail
from learnlink.alliance.planning import actions
from learnlink.alliance.planning.reminders import coordinators_of, language_for
from learnlink.alliance.replies.address import reply_address
from learnlink.alliance.replies.answers import answer, refuse
from learnlink.alliance.replies.commands import EXAMPLES, Command, read
from learnlink.lib import emails
from learnlink.lib.links import absolute
from learnlink.mail.inbox import finish
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Person

ANSWER = "alliance.task_answer"
DONE = {"done", "dropped", "asked"}


def take(inbound: InboundMessage, parsed: ParsedMessage, person: Person | None, pk: int,
         language: str) -> None:
    """A reply to the reminder of task `pk` (see the module's docstring)."""
    task = (Task.objects.select_related("plan__cycle__alliance", "plan__partner__organisation",
                                        "owner").filter(pk=pk).first())
    if task is None:
        refuse(inbound, parsed, language, _("This task no longer exists."), f"task {pk} gone")
        return
    if person is None or not may_answer_task_by_mail(person, task):
        refuse(inbound, parsed, language, _(
            "Learnlink does not know %(address)s as the address of the owner of this task, of "
            "their team or of the alliance's coordinators, so nothing was changed.")
            % {"address": parsed.from_address},
            f"not the owner's, their team's or a coordinator's address (task {task.pk})")
        return
    with transaction.atomic():  # the change, its answer and the inbox row's end
        outcome, context = _apply(task, person, read(parsed.new_text), inbound)
        answer(parsed, ANSWER, language, {"outcome": outcome, "examples": EXAMPLES,
                                          "link": task_link(task), "task": task, **context})
        finish(inbound, State.DONE if outcome in DONE else State.REJECTED,
               f"from {parsed.from_address}: task {task.pk}: {outcome}")


def _apply(task: Task, person: Person, command: Command,
           inbound: InboundMessage) -> tuple[str, dict[str, Any]]:
    """Do what the command asks; (outcome, what the answer says about it)."""
    if not command.word:
        return "not_understood", {"line": command.line}
    if task.status != TaskStatus.OPEN:
        return "closed", {}
    day = timezone.localdate(inbound.received)
    try:
        if command.word == "done":
            actions.mark_done(task, day)
            return "done", {"day": day}
        if command.word == "drop":
            actions.drop_task(task, command.reason)
            return "dropped", {"reason": task.drop_reason}
        asked = actions.ask_new_date(task, person, command.day or day, inbound.received)
    except ValidationError as error:
        return "refused", {"reason": " ".join(error.messages)}
    _tell_coordinators(asked, person)
    return "asked", {"day": asked.due}


def task_link(task: Task) -> str:
    return absolute(reverse("alliance:task", args=[task.plan.cycle.alliance.slug, task.pk]))


def _tell_coordinators(asked: DueDateRequest, person: Person) -> None:
    """Each coordinator, in their language: who asked for which date, and where to confirm
    (the task's page, or a reply to this notice: date_replies)."""
    task = asked.task
    for coordinator in coordinators_of(task):
        address = delivery_address(coordinator)
        if address:
            emails.send("alliance.due_date_asked", address,
                        {"task": task, "plan": task.plan, "due": asked.due,
                         "asked_by": person.name, "link": task_link(task)},
                        language_for(coordinator), reply_to=reply_address("date", asked.pk),
                        headers={"Auto-Submitted": "auto-generated"})
