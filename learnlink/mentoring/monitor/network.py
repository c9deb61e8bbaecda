"""The monitor across the network's groups, for its mentors and staff: each group's count of
organisations in each state in a month, a page of groups at a time (the figures of a whole
page come from the same few queries as one group's: `figures.monitors`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from learnlink.exchange.models import Group
from learnlink.mentoring.monitor.figures import GroupMonitor, monitors
from learnlink.mentoring.monitor.months import Month
from learnlink.mentoring.monitor.states import BROKEN, KEPT, NO_CONTRACT, SLIPPING

GROUPS_PER_PAGE = 25


@dataclass(frozen=True)
class GroupLine:
    table: GroupMonitor
    kept: int
    slipping: int
    broken: int
    no_contract: int
    messages: int


def network_page(month: Month, page: str | None) -> tuple[Page, list[GroupLine]]:
    groups = Paginator(Group.objects.order_by("name").only("slug", "name"),
                       GROUPS_PER_PAGE).get_page(page)
    tables = monitors(list(groups), month)
    return groups, [_line(tables[group.pk]) for group in groups]


def _line(table: GroupMonitor) -> GroupLine:
    return GroupLine(table, table.count(KEPT), table.count(SLIPPING), table.count(BROKEN),
                     table.count(NO_CONTRACT), sum(row.messages for row in table.rows))
