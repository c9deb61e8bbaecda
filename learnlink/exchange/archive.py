"""Facts about a group's archive that pages show and that cost more to compute than to keep."""

from __future__ import annotations

import datetime

from learnlink.exchange.models import Group, Thread


def archive_months(group: Group) -> list[datetime.date]:
    """The months in which threads started, newest first, for the month archive: read from the
    (group, month) index, never by converting every thread's date."""
    return list(Thread.objects.filter(group=group).order_by("-month")
                .values_list("month", flat=True).distinct())
