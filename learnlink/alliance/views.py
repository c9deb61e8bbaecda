"""The alliance pages: the list, the dashboard, the printable report and the spreadsheet.

Every view starts by asking `permissions` for the alliance; nothing else decides who sees what.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from learnlink.alliance.export import export
from learnlink.alliance.forms import CycleForm
from learnlink.alliance.overview import blocks, overview
from learnlink.alliance.permissions import (
    alliance_for_coordinator,
    alliance_for_insider,
    alliance_for_reader,
    is_coordinator,
    is_insider,
    readable_group,
    visible_alliances,
)
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.lib.spreadsheets import XLSX_TYPE


def alliance_list(request: HttpRequest) -> HttpResponse:
    return render(request, "alliance/alliance_list.html",
                  {"alliances": visible_alliances(request.user).order_by("-start", "name")})


def _dashboard(request: HttpRequest, slug: str, template: str) -> HttpResponse:
    alliance = alliance_for_reader(request, slug)
    insider = is_insider(request.user, alliance)
    context = overview(alliance) | {
        "blocks": [block for block in blocks(alliance) if insider or block.section.public],
        "insider": insider, "coordinator": is_coordinator(request.user, alliance),
        "group": readable_group(request.user, alliance)}
    return render(request, template, context)


def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    return _dashboard(request, slug, "alliance/dashboard.html")


def report(request: HttpRequest, slug: str) -> HttpResponse:
    """The same blocks on a page meant for paper: no navigation, no forms."""
    return _dashboard(request, slug, "alliance/report.html")


def spreadsheet(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_insider(request, slug)
    response = HttpResponse(export(alliance), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{alliance.slug}.xlsx"'
    return response


def cycle_new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """A coordinator plans the next cycle; the four steps' dates are set in the admin."""
    alliance = alliance_for_coordinator(request, slug)
    form = CycleForm(request.POST or None, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        cycle = form.save()
        return redirect(reverse("alliance:cycle", args=[alliance.slug, cycle.number]))
    return render(request, "alliance/cycle_form.html", {"alliance": alliance, "form": form})
