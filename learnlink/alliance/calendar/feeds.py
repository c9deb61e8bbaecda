"""What goes into the calendar feeds: an alliance's learning spaces and stages (and, for its
insiders, the due dates of tasks), or one person's spaces and tasks across alliances."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from learnlink.alliance.models import Alliance, LearningSpace, Stage, Task, TaskStatus
from learnlink.lib.ical import Event, calendar
from learnlink.lib.links import absolute
from learnlink.people.models import Person


def _uid(kind: str, pk: int) -> str:
    return f"{kind}-{pk}@{settings.LEARNLINK_MAIL_DOMAIN}"


def _space_events(spaces: Iterable[LearningSpace]) -> Iterator[Event]:
    for space in spaces:
        steps = ", ".join(f"{step.number}. {step.title}" for step in space.steps.all())
        facilitators = ", ".join(person.name for person in space.facilitators.all())
        lines = [space.description,
                 _("Facilitators: %(names)s") % {"names": facilitators} if facilitators else "",
                 _("Guide steps: %(steps)s") % {"steps": steps} if steps else ""]
        yield Event(_uid("space", space.pk),
                    f"{space.title} ({space.get_kind_display()})", space.start, space.end,
                    description="\n".join(line for line in lines if line),
                    location=space.where, url=absolute(space.get_absolute_url()),
                    categories=space.get_kind_display())


def _task_events(tasks: list[Task]) -> Iterator[Event]:
    for task in tasks:
        lines = [_("Owner: %(name)s") % {"name": task.owner.name},
                 _("Status: %(status)s") % {"status": task.get_status_display()}]
        if task.deliverable:
            lines.insert(0, _("Deliverable: %(what)s") % {"what": task.deliverable})
        yield Event(_uid("task", task.pk),
                    _("Due: %(task)s (%(team)s)") % {"task": task.title,
                                                    "team": task.plan.partner},
                    task.due, task.due, description="\n".join(lines),
                    url=absolute(task.plan.get_absolute_url()), categories=_("task"))


def _tasks(tasks_filter: Q) -> list[Task]:
    return list(Task.objects.filter(tasks_filter).exclude(status=TaskStatus.DROPPED)
                .select_related("owner", "plan__partner__organisation",
                                "plan__cycle__alliance").order_by("due", "pk"))


def alliance_feed(alliance: Alliance, with_tasks: bool) -> bytes:
    spaces = (LearningSpace.objects.of(alliance).for_listing()
              .select_related("cycle__alliance"))
    stages = Stage.objects.of(alliance).select_related("cycle")
    events = list(_space_events(spaces))
    events += [Event(_uid("stage", stage.pk),
                     _("Cycle %(number)s: %(step)s") % {"number": stage.cycle.number,
                                                         "step": stage.get_step_display()},
                     stage.start, stage.end, categories=_("stage"))
               for stage in stages]
    if with_tasks:
        events += list(_task_events(_tasks(Q(plan__cycle__alliance=alliance))))
    return calendar(alliance.name, events, timezone.now())


def person_feed(person: Person) -> bytes:
    spaces = (LearningSpace.objects.filter(Q(attendance__person=person)
                                           | Q(facilitators=person)).distinct()
              .for_listing().select_related("cycle__alliance"))
    events = list(_space_events(spaces)) + list(_task_events(_tasks(Q(owner=person))))
    return calendar(_("Learning alliances: %(name)s") % {"name": person.name}, events,
                    timezone.now())
