"""Facts about a group's archive that pages show and that cost more to compute than to keep."""

from __future__ import annotations

from dataclasses import dataclass

from learnlink.exchange.display import short_month
from learnlink.exchange.models import Group, Thread


@dataclass(frozen=True)
class MonthLink:
    url: str
    label: str


def archive_months(group: Group) -> list[MonthLink]:
    """The months in which threads started, newest first, as links for the month archive.

    Read from the (group, month) index, never by converting every thread's date; labelled and
    linked here because a list archive spans a hundred months or more."""
    base = group.get_absolute_url()
    months = (Thread.objects.filter(group=group).order_by("-month")
              .values_list("month", flat=True).distinct())
    return [MonthLink(f"{base}{month.year}/{month.month}/", short_month(month))
            for month in months]
