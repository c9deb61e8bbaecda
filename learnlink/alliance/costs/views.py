"""Shared responsibilities and costs: the ledger for the alliance's insiders, and the forms its
coordinators keep it with.

Every view starts by asking `permissions` for the alliance; nothing else decides who sees what.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from learnlink.alliance.costs import ledger
from learnlink.alliance.costs.forms import (
    BudgetLineForm,
    CommitmentForm,
    ContributionForm,
    RateForm,
    ResponsibilitiesForm,
)
from learnlink.alliance.models import Alliance, BudgetLine, Contribution, Partner
from learnlink.alliance.permissions import (
    alliance_for_insider,
    alliance_for_treasurer,
    may_run_costs,
    person_of,
)
from learnlink.lib.requests import AuthenticatedHttpRequest


def costs(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_insider(request, slug)
    rows = ledger.balances(alliance)
    page = Paginator(ledger.contributions(alliance), settings.LEARNLINK_PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "alliance/costs.html", {
        "alliance": alliance, "balances": rows, "totals": ledger.totals(rows),
        "lines": ledger.budget_lines(alliance), "commitments": ledger.commitments(alliance),
        "page": page, "partners": alliance.partners.select_related("organisation"),
        "coordinator": may_run_costs(request.user, alliance)})


def _form_page(request: HttpRequest, alliance: Alliance, form: object, title: str,
               ok: bool) -> HttpResponse:
    return render(request, "alliance/form.html", {
        "alliance": alliance, "form": form, "title": title,
        "back": ("alliance:costs", alliance.slug)}, status=200 if ok else 400)


def budget_line(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_treasurer(request, slug)
    form = BudgetLineForm(request.POST or None, instance=BudgetLine(alliance=alliance))
    if request.method == "POST" and form.is_valid():
        ledger.record(form.instance)
        messages.success(request, _("The budget line is added."))
        return redirect("alliance:costs", slug)
    return _form_page(request, alliance, form, _("Add a budget line"), not form.errors)


def commitment(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_treasurer(request, slug)
    form = CommitmentForm(request.POST or None, alliance=alliance,
                          initial={"agreed_on": alliance.start})
    if request.method == "POST" and form.is_valid():
        ledger.record(form.instance)
        messages.success(request, _("The commitment is recorded: %(usd)s US$.")
                         % {"usd": form.instance.amount_usd})
        return redirect("alliance:costs", slug)
    return _form_page(request, alliance, form, _("Record a commitment"), not form.errors)


def contribution(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_treasurer(request, slug)
    form = ContributionForm(request.POST or None, alliance=alliance,
                            instance=Contribution(recorded_by=person_of(request.user)))
    if request.method == "POST" and form.is_valid():
        ledger.record(form.instance)
        messages.success(request, _("The contribution is recorded: %(usd)s US$.")
                         % {"usd": form.instance.amount_usd})
        return redirect("alliance:costs", slug)
    return _form_page(request, alliance, form, _("Record a contribution"), not form.errors)


def rate(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_treasurer(request, slug)
    form = RateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ledger.record(form.rate())
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The exchange rate is added."))
            return redirect("alliance:costs", slug)
    return _form_page(request, alliance, form, _("Add an exchange rate"), not form.errors)


def responsibilities(request: AuthenticatedHttpRequest, slug: str, partner: int) -> HttpResponse:
    alliance = alliance_for_treasurer(request, slug)
    team = get_object_or_404(Partner.objects.select_related("organisation"), alliance=alliance,
                             pk=partner)
    form = ResponsibilitiesForm(request.POST or None, instance=team)
    if request.method == "POST" and form.is_valid():
        form.save(commit=False).save(update_fields=["responsibilities"])
        messages.success(request, _("The responsibilities of %(partner)s are saved.")
                         % {"partner": team})
        return redirect("alliance:costs", slug)
    return _form_page(request, alliance, form,
                      _("Responsibilities of %(partner)s") % {"partner": team}, not form.errors)


