"""The blocks this part of the alliance app adds to the dashboard, report and export: the
learning spaces of each cycle (public) and the accountability board (insiders)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learnlink.alliance.models import Alliance, LearningSpace, Task, Visibility
from learnlink.alliance.planning.accountability import board, by_cycle
from learnlink.alliance.sections import Section, register
from learnlink.lib.spreadsheets import Table


def _spaces(alliance: Alliance) -> dict[str, Any]:
    spaces = LearningSpace.objects.select_related("place").order_by("start", "pk")
    return {"cycles": alliance.cycles.prefetch_related(Prefetch("spaces", queryset=spaces)),
            "public_calendar": alliance.visibility == Visibility.PUBLIC}


def _spaces_sheet(alliance: Alliance) -> dict[str, Table]:
    spaces = (LearningSpace.objects.of(alliance).for_listing()
              .annotate(n_invited=Count("attendance", distinct=True),
                        n_attended=Count("attendance", filter=Q(attendance__attended=True),
                                         distinct=True)))
    return {_("Learning spaces"): Table(
        [_("Cycle"), _("Learning space"), _("Kind"), _("Start"), _("End"), _("Days"),
         _("Place"), _("Invited"), _("Attended"), _("Guide steps")],
        [[space.cycle.number, space.title, space.get_kind_display(), space.start, space.end,
          space.days, space.where, space.n_invited, space.n_attended,
          ", ".join(str(step.number) for step in space.steps.all())] for space in spaces])}


def _board(alliance: Alliance) -> dict[str, Any]:
    return {"cycles": by_cycle(board(alliance))}


def _board_sheets(alliance: Alliance) -> dict[str, Table]:
    tasks = (Task.objects.filter(plan__cycle__alliance=alliance)
             .select_related("owner", "plan__cycle", "plan__partner__organisation")
             .order_by("plan__cycle__number", "plan__partner__organisation__name", "due", "pk"))
    return {
        _("Accountability"): Table(
            [_("Cycle"), _("Partner"), _("Agreed"), _("On time"), _("Late"), _("Dropped"),
             _("Open")],
            [[row.cycle.number, row.partner.organisation.name, row.agreed, row.on_time,
              row.late, row.dropped, row.open] for row in board(alliance)]),
        _("Tasks"): Table(
            [_("Cycle"), _("Partner"), _("Task"), _("Owner"), _("Due"), _("Deliverable"),
             _("Status"), _("Done on"), _("Why it was dropped")],
            [[task.plan.cycle.number, task.plan.partner.organisation.name, task.title,
              task.owner.name, task.due, task.deliverable, task.get_status_display(),
              task.done_on, task.drop_reason] for task in tasks]),
    }


def register_sections() -> None:
    register(Section("spaces", gettext_lazy("Learning spaces"), "alliance/sections/spaces.html",
                     _spaces, _spaces_sheet, public=True))
    register(Section("accountability", gettext_lazy("Accountability board"),
                     "alliance/sections/accountability.html", _board, _board_sheets))
