"""The service functions for learning spaces, action plans and tasks: views, the demo and the
tests all change these records through here. Each validates the record as the model says
(`full_clean`), so a task due outside its cycle is refused the same way everywhere."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterable

from django.db import transaction

from learnlink.alliance.models import (
    ActionPlan,
    Attendance,
    Cycle,
    DueDateRequest,
    GuideStep,
    LearningSpace,
    Partner,
    Task,
    TaskStatus,
)
from learnlink.people.models import Person


def plan_for(partner: Partner, cycle: Cycle) -> ActionPlan:
    """The team's plan for the cycle, made empty the first time someone opens it."""
    plan, _created = ActionPlan.objects.get_or_create(partner=partner, cycle=cycle)
    return plan


def plan_or_new(partner: Partner, cycle: Cycle) -> ActionPlan:
    """The team's plan for the cycle as a form shows it: a new one, not saved, if it has none
    (writing in it saves it, through plan_for)."""
    return (ActionPlan.objects.filter(partner=partner, cycle=cycle).first()
            or ActionPlan(partner=partner, cycle=cycle))


@transaction.atomic
def save_plan(partner: Partner, cycle: Cycle, summary: str,
              steps: Iterable[GuideStep] = ()) -> ActionPlan:
    plan = plan_for(partner, cycle)
    plan.summary = summary
    plan.full_clean()
    plan.save(update_fields=["summary", "updated"])
    plan.steps.set(list(steps))
    return plan


def add_task(plan: ActionPlan, *, title: str, owner: Person, due: datetime.date,
             deliverable: str = "", step: GuideStep | None = None) -> Task:
    task = Task(plan=plan, title=title, owner=owner, due=due, deliverable=deliverable,
                step=step)
    task.full_clean()
    task.save()
    return task


def mark_done(task: Task, on: datetime.date) -> Task:
    task.status, task.done_on, task.drop_reason = TaskStatus.DONE, on, ""
    task.full_clean()
    task.save(update_fields=["status", "done_on", "drop_reason", "updated"])
    return task


def drop_task(task: Task, reason: str) -> Task:
    task.status, task.done_on, task.drop_reason = TaskStatus.DROPPED, None, reason.strip()
    task.full_clean()
    task.save(update_fields=["status", "done_on", "drop_reason", "updated"])
    return task


def reopen_task(task: Task) -> Task:
    task.status, task.done_on, task.drop_reason = TaskStatus.OPEN, None, ""
    task.save(update_fields=["status", "done_on", "drop_reason", "updated"])
    return task


def ask_new_date(task: Task, by: Person, due: datetime.date,
                 when: datetime.datetime) -> DueDateRequest:
    """The owner's request to move an open task's due date; a coordinator decides. A date the
    task could not have (outside its cycle) is refused now, with the same words as the form."""
    probe = copy.copy(task)
    probe.due = due
    probe.full_clean()
    return DueDateRequest.objects.create(task=task, due=due, asked_by=by, asked=when)


@transaction.atomic
def decide_new_date(request: DueDateRequest, by: Person | None, confirm: bool,
                    when: datetime.datetime) -> DueDateRequest:
    """A coordinator's answer: confirmed, the task takes the new due date (checked again, as
    the cycle may have changed since it was asked)."""
    if confirm:
        task = request.task
        task.due = request.due
        task.full_clean()
        task.save(update_fields=["due", "updated"])
    request.decided_by, request.decided, request.confirmed = by, when, confirm
    request.save(update_fields=["decided_by", "decided", "confirmed"])
    return request


def save_space(space: LearningSpace, facilitators: Iterable[Person] = (),
               steps: Iterable[GuideStep] = ()) -> LearningSpace:
    with transaction.atomic():
        space.full_clean()
        space.save()
        space.facilitators.set(list(facilitators))
        space.steps.set(list(steps))
    return space


@transaction.atomic
def record_attendance(space: LearningSpace, invited: Iterable[Person],
                      attended: Iterable[Person]) -> None:
    """Who was invited and who came; someone who came was invited. Earlier rows of people no
    longer invited are removed; `attended` is False for the invited who did not come."""
    came = {person.pk for person in attended}
    people = {person.pk: person for person in [*invited, *attended]}
    teams = dict(space.cycle.alliance.participants.filter(
        person_id__in=people, partner__isnull=False).values_list("person_id", "partner_id"))
    space.attendance.exclude(person_id__in=people).delete()
    for pk in people:
        Attendance.objects.update_or_create(space=space, person_id=pk, defaults={
            "attended": pk in came, "partner_id": teams.get(pk)})
