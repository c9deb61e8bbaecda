"""A group's nudges on or off: its mentors' choice, kept in the dashboard's settings row."""

from __future__ import annotations

from learnlink.exchange.models import Group
from learnlink.mentoring.models import DashboardSettings


def nudges_on(group: Group) -> bool:
    found = DashboardSettings.objects.filter(group=group).values_list("nudges", flat=True)
    return next(iter(found), True)


def set_nudges(group: Group, on: bool) -> None:
    DashboardSettings.objects.update_or_create(group=group, defaults={"nudges": on})
