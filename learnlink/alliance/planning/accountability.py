"""The accountability board: per partner team and cycle, how many tasks were agreed and where
each stands on a given day. Counted in the database, one query for the whole alliance.

- on time: done on or before its due date;
- late: done after its due date, or still open when its due date has passed;
- dropped: dropped, whenever and for whatever reason;
- open: neither done nor dropped, and not yet due (due today counts as not yet due).

Every task is in exactly one of the four, so agreed = on time + late + dropped + open.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils import timezone

from learnlink.alliance.models import (
    ActionPlan,
    Alliance,
    Cycle,
    Partner,
    PartnerRole,
    TaskStatus,
)

KEYS = ["agreed", "on_time", "late", "dropped", "open"]


@dataclass(frozen=True)
class Row:
    partner: Partner
    cycle: Cycle
    agreed: int
    on_time: int
    late: int
    dropped: int
    open: int

    def as_item(self) -> dict[str, object]:
        return {"partner": self.partner.organisation.name, "cycle": self.cycle.number,
                "agreed": self.agreed, "on_time": self.on_time, "late": self.late,
                "dropped": self.dropped, "open": self.open}


def counts(today: datetime.date) -> dict[str, Count]:
    done, open_ = Q(tasks__status=TaskStatus.DONE), Q(tasks__status=TaskStatus.OPEN)
    return {
        "n_agreed": Count("tasks"),
        "n_on_time": Count("tasks", filter=done & ~Q(tasks__done_on__gt=F("tasks__due"))),
        "n_late": Count("tasks", filter=(done & Q(tasks__done_on__gt=F("tasks__due")))
                        | (open_ & Q(tasks__due__lt=today))),
        "n_dropped": Count("tasks", filter=Q(tasks__status=TaskStatus.DROPPED)),
        "n_open": Count("tasks", filter=open_ & Q(tasks__due__gte=today)),
    }


def board(alliance: Alliance, today: datetime.date | None = None) -> list[Row]:
    """One row per action plan (a team's plan for a cycle), by cycle, then by team."""
    plans = (ActionPlan.objects.filter(cycle__alliance=alliance)
             .select_related("partner__organisation", "cycle")
             .annotate(**counts(today or timezone.localdate()))
             .order_by("cycle__number", "partner__organisation__name"))
    return [Row(plan.partner, plan.cycle, *(getattr(plan, f"n_{key}") for key in KEYS))
            for plan in plans]


def cycle_standing(cycle: Cycle) -> tuple[list[Row], list[Partner]]:
    """A cycle's page: the teams' plans with their standing, and the country teams that have
    no plan yet."""
    rows = [row for row in board(cycle.alliance) if row.cycle.pk == cycle.pk]
    planned = {row.partner.pk for row in rows}
    teams = cycle.alliance.partners.filter(role=PartnerRole.COUNTRY_TEAM).select_related(
        "organisation")
    return rows, [team for team in teams if team.pk not in planned]


@dataclass(frozen=True)
class CycleBoard:
    cycle: Cycle
    rows: list[Row]
    total: dict[str, int]


def by_cycle(rows: list[Row]) -> list[CycleBoard]:
    """The rows grouped by cycle, each with its totals (sums of the counted rows)."""
    grouped: dict[int, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.cycle.pk, []).append(row)
    return [CycleBoard(rows[0].cycle, rows,
                       {key: sum(getattr(row, key) for row in rows) for key in KEYS})
            for rows in grouped.values()]
