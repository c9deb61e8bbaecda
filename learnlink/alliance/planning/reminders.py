"""Email reminders about agreed tasks, sent through the outbox by a daily task.

- due soon: once per task and due date, from `DAYS_BEFORE` days before the due date until the
  due date itself (so a day the worker missed is caught up the next day);
- overdue: when an open task's due date has passed, to its owner with the alliance's
  coordinators in copy; then again at most once a week while it stays open.

Done and dropped tasks get nothing. Each reminder is recorded (`TaskReminder`) in the same
transaction that puts it in the outbox, so the same event is never reminded twice. Reminders
stop when the alliance has ended: its tasks are then history, not work to chase. A reminder's
Reply-To is its task's signed reply address, so the owner may answer `done`, `drop <reason>` or
`new date ...` by mail (alliance.replies).
The day is always passed in, so tests (and a worker catching up) choose the clock; a reminder
counts as sent at the worker's hour of that day (`SENT_AT`, UTC, Huey's clock).

Reminders share each person's budget of reminder-type mail with the nudges
(`mail.reminder_budget`: one a week, never at night): a reminder the budget refuses is left
unrecorded, so it goes on a later day.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from learnlink.alliance.models import (
    Participant,
    ParticipantRole,
    ReminderEvent,
    Task,
    TaskReminder,
    TaskStatus,
)
from learnlink.alliance.replies.address import reply_address
from learnlink.alliance.replies.commands import EXAMPLES
from learnlink.lib import emails
from learnlink.lib.links import absolute
from learnlink.mail import reminder_budget
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Person

log = logging.getLogger(__name__)

DAYS_BEFORE = 7
OVERDUE_EVERY = datetime.timedelta(days=7)
SENT_AT = datetime.time(6, 30)  # the daily task's hour (alliance.tasks), in UTC


def language_for(person: Person) -> str:
    offered = dict(settings.LANGUAGES)
    return next((code for code in person.language_codes() if code in offered),
                settings.LANGUAGE_CODE)


def _open_tasks(today: datetime.date) -> QuerySet[Task]:
    return (Task.objects.filter(status=TaskStatus.OPEN, plan__cycle__alliance__end__gte=today)
            .select_related("owner", "plan__partner__organisation", "plan__cycle__alliance")
            .prefetch_related("owner__email_addresses").order_by("due", "pk"))


def due_soon(today: datetime.date, days_before: int = DAYS_BEFORE) -> list[Task]:
    told = TaskReminder.objects.filter(task=OuterRef("pk"), event=ReminderEvent.DUE_SOON,
                                       due=OuterRef("due"))
    return list(_open_tasks(today).filter(
        due__gte=today, due__lte=today + datetime.timedelta(days=days_before))
        .exclude(Exists(told)))


def overdue(today: datetime.date) -> list[Task]:
    told = TaskReminder.objects.filter(task=OuterRef("pk"), event=ReminderEvent.OVERDUE,
                                       due=OuterRef("due"), sent_on__gt=today - OVERDUE_EVERY)
    return list(_open_tasks(today).filter(due__lt=today).exclude(Exists(told)))


def coordinators_of(task: Task) -> list[Person]:
    """The alliance's coordinators other than the task's owner: who is told about the task."""
    return [c.person for c in Participant.objects.filter(
        alliance=task.plan.cycle.alliance, role=ParticipantRole.COORDINATOR)
        .exclude(person=task.owner).select_related("person")
        .prefetch_related("person__email_addresses")]


def _coordinator_addresses(task: Task) -> list[str]:
    return [address for person in coordinators_of(task) if (address := delivery_address(person))]


def sent_at(today: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(today, SENT_AT, tzinfo=datetime.UTC)


def _send(task: Task, event: str, today: datetime.date) -> bool:
    address = delivery_address(task.owner)
    now = sent_at(today)
    if not address or not reminder_budget.may_remind(task.owner, now, settings.TIME_ZONE):
        return False
    cc = _coordinator_addresses(task) if event == ReminderEvent.OVERDUE else []
    context = {"task": task, "plan": task.plan, "alliance": task.plan.cycle.alliance,
               "days": (task.due - today).days, "late_by": (today - task.due).days,
               "link": absolute(task.plan.get_absolute_url()), "examples": EXAMPLES}
    with transaction.atomic():
        TaskReminder.objects.create(task=task, event=event, due=task.due, sent_on=today)
        reminder_budget.spend(task.owner, now, f"alliance.task_{event}")
        emails.send(f"alliance.task_{event}", address, context, language_for(task.owner),
                    from_address=settings.DEFAULT_FROM_EMAIL, cc=cc,
                    reply_to=reply_address("task", task.pk),
                    headers={"Auto-Submitted": "auto-generated"})
    return True


def send_reminders(today: datetime.date, days_before: int = DAYS_BEFORE) -> int:
    """Everything due on `today`; returns how many reminders went into the outbox.

    One reminder that cannot be sent (an owner's unusable address, say) is logged and left
    unrecorded, so it is tried again tomorrow; it never stops the others."""
    sent = 0
    events = [(task, ReminderEvent.DUE_SOON) for task in due_soon(today, days_before)]
    events += [(task, ReminderEvent.OVERDUE) for task in overdue(today)]
    for task, event in events:
        try:
            sent += _send(task, event, today)
        except Exception:
            log.exception("the %s reminder of task %s (%s) could not be sent", event, task.pk,
                          task.owner)
    return sent
