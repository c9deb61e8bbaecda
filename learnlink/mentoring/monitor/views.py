"""The monitor's pages. Each view asks `mentoring.permissions` first: a guest is sent to sign
in, anyone outside the group's inner circle (and not the network's mentor or staff) gets 404.
A month written wrongly is said so on the page, which shows the current month instead."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from learnlink.lib.spreadsheets import XLSX_TYPE
from learnlink.mentoring.monitor.export import workbook
from learnlink.mentoring.monitor.figures import monitor
from learnlink.mentoring.monitor.journal import journal
from learnlink.mentoring.monitor.months import Month, NotAMonth
from learnlink.mentoring.monitor.network import network_page
from learnlink.mentoring.monitor.states import BROKEN, KEPT, NAMES, NO_CONTRACT, RULE, SLIPPING
from learnlink.mentoring.monitor.wording import month_notice
from learnlink.mentoring.permissions import (
    group_for_monitor,
    may_synthesise,
    network_monitor_or_refuse,
)
from learnlink.people.models import Organisation

ROWS_PER_PAGE = 100  # organisations: a page of them stays under the page budget
STATES = [(state, NAMES[state]) for state in (KEPT, SLIPPING, BROKEN, NO_CONTRACT)]


def chosen_month(request: HttpRequest) -> tuple[Month, str]:
    """The month `?month=` names (this month by default), and what was wrong with it."""
    text = request.GET.get("month", "")
    try:
        return (Month.parse(text) if text else Month.current()), ""
    except NotAMonth:
        return Month.current(), _("“%(text)s” is not a month: write it as year and month, for "
                                  "example %(example)s.") % {"text": text[:20],
                                                             "example": Month.current()}


def group_monitor(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_for_monitor(request, slug)
    month, error = chosen_month(request)
    table = monitor(group, month)
    rows = Paginator(table.in_sections, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "mentoring/monitor/group.html", {
        "group": group, "month": month, "error": error, "table": table, "rows": rows,
        "notice": month_notice(table), "rule": RULE,
        "counts": [(name, table.count(state)) for state, name in STATES],
        "mentors_group": may_synthesise(request.user, group)})


def organisation_journal(request: HttpRequest, slug: str, organisation: str) -> HttpResponse:
    group = group_for_monitor(request, slug)
    month, error = chosen_month(request)
    found = get_object_or_404(Organisation.objects.only("name", "slug"), slug=organisation)
    written = journal(group, found, month)
    return render(request, "mentoring/monitor/journal.html", {
        "group": group, "month": month, "error": error, "organisation": found,
        "journal": written, "parts": [(_("Plans"), written.plans),
                                      (_("What happened"), written.happened),
                                      (_("Achievements"), written.achievements)]})


def export(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_for_monitor(request, slug)
    month, _error = chosen_month(request)
    response = HttpResponse(workbook(monitor(group, month)), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (f'attachment; filename="{group.slug}-contract-monitor-'
                                       f'{month}.xlsx"')
    return response


def network(request: HttpRequest) -> HttpResponse:
    network_monitor_or_refuse(request)
    month, error = chosen_month(request)
    groups, lines = network_page(month, request.GET.get("page"))
    return render(request, "mentoring/monitor/network.html", {
        "month": month, "error": error, "groups": groups, "lines": lines})
