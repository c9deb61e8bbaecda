"""The contract pages: a group's contracts, one contract with where each organisation stands,
the mentor's form, and the one-button actions (offer, agree, renew). Each view asks
mentoring.permissions first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.forms import BaseFormSet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.exchange.models import Group
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mail.models import InboundMessage
from learnlink.mentoring.contracts import actions
from learnlink.mentoring.contracts.forms import (
    CommitmentFormSet,
    ContractForm,
    commitment_rows,
    terms,
)
from learnlink.mentoring.contracts.offering import contract_path
from learnlink.mentoring.models import (
    AgreedVia,
    Contract,
    ContractAgreement,
    ContractCommitment,
    ContractOffer,
)
from learnlink.mentoring.permissions import (
    contract_for_mentor,
    contract_for_reader,
    group_for_contract_mentor,
    group_for_contract_reader,
    may_draft_contract,
    offers_to_agree,
)

NOT_RECORDED_SHOWN = 10


@dataclass(frozen=True)
class Standing:
    """Where one offered organisation stands: its offer and, once it agreed, its agreement."""

    offer: ContractOffer
    agreement: ContractAgreement | None


def group_contracts(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = group_for_contract_reader(request, slug)
    found = (Contract.objects.filter(group=group).order_by("-starts")
             .annotate(offered=Count("offers", distinct=True),
                       agreed=Count("agreements", distinct=True)))
    page = Paginator(found, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentoring/contracts/list.html", {
        "group": group, "page": page, "mentor": may_draft_contract(request.user, group)})


def contract(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = contract_for_reader(request, pk)
    agreements = {a.organisation_id: a for a in found.agreements.select_related("agreed_by")}
    standings = [Standing(offer, agreements.get(offer.organisation_id))
                 for offer in found.offers.select_related("organisation")]
    mentor = may_draft_contract(request.user, found.group)
    return render(request, "mentoring/contracts/contract.html", {
        "contract": found, "commitments": found.commitments.all(), "standings": standings,
        "agreed": len(agreements), "to_agree": list(offers_to_agree(request.user, found)),
        "mentor": mentor, "runs": found.ends >= timezone.localdate(),
        "not_recorded": _not_recorded(standings) if mentor else []})


def _not_recorded(standings: list[Standing]) -> list[InboundMessage]:
    """Replies set aside for the mentors (from someone not of the organisation, or saying
    something other than "I agree"), newest first: their senders were told why by mail."""
    addresses = [standing.offer.address for standing in standings]
    return list(InboundMessage.objects.quarantined().filter(recipient__in=addresses)
                .defer("raw").order_by("-received")[:NOT_RECORDED_SHOWN])


@require_http_methods(["GET", "POST"])
def new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = group_for_contract_mentor(request, slug)
    today = timezone.localdate()
    form = ContractForm(request.POST or None, group=group, initial={
        "title": _("Learning contract %(year)s") % {"year": today.year},
        "starts": today, "ends": today.replace(year=today.year + 1)})
    formset = _commitments(request, [*actions.default_commitments()])
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        drafted = actions.draft(group, terms(form, formset), request.user.person)
        messages.success(request, _("The contract is drafted: read it, then offer it."))
        return redirect(contract_path(drafted))
    return _form(request, group, form, formset, None)


@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = contract_for_mentor(request, pk)
    form = ContractForm(request.POST or None, group=found.group, contract=found, initial={
        "title": found.title, "starts": found.starts, "ends": found.ends})
    formset = _commitments(request, list(found.commitments.all()))
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            actions.change(found, terms(form, formset))
        except actions.Frozen:
            messages.error(request, _("This contract was offered: its commitments stay as the "
                                      "organisations read them. Renew it to change them."))
            return redirect(contract_path(found))
        messages.success(request, _("The contract is saved."))
        return redirect(contract_path(found))
    return _form(request, found.group, form, formset, found)


def _commitments(request: AuthenticatedHttpRequest,
                 shown: list[actions.Commitment | ContractCommitment]) -> BaseFormSet[Any]:
    """The commitments' rows: `shown` on the page; what was posted alone when saving (a row
    left as it was shown is kept like any other)."""
    if request.method == "POST":
        return CommitmentFormSet(request.POST, prefix="commitments")
    return CommitmentFormSet(prefix="commitments", initial=commitment_rows(shown))


def _form(request: AuthenticatedHttpRequest, group: Group, form: ContractForm,
          formset: BaseFormSet[Any], found: Contract | None) -> HttpResponse:
    invalid = bool(form.errors or formset.errors or formset.non_form_errors())
    return render(request, "mentoring/contracts/form.html", {
        "group": group, "form": form, "formset": formset, "contract": found},
        status=400 if invalid else 200)


@require_POST
def offer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = contract_for_mentor(request, pk)
    if found.ends < timezone.localdate():
        messages.error(request, _("This contract has ended: renew it for the next cycle."))
        return redirect(contract_path(found))
    made = actions.offer(found, request.user.person)
    if made:
        messages.success(request, _("The contract is on its way to %(count)s organisations.")
                         % {"count": len(made)})
    else:
        messages.info(request, _("Every organisation of the group that can be written to "
                                 "has been offered this contract already."))
    return redirect(contract_path(found))


@require_POST
def agree(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = contract_for_reader(request, pk)
    offer_pk = request.POST.get("offer", "")
    chosen = get_object_or_404(offers_to_agree(request.user, found),
                               pk=int(offer_pk) if offer_pk.isdigit() else 0)
    if found.ends < timezone.localdate():
        messages.error(request, _("This contract has ended: it takes no more agreements."))
    elif actions.agree(chosen, request.user.person, AgreedVia.WEB) is None:
        messages.info(request, _("%(organisation)s had already agreed.")
                      % {"organisation": chosen.organisation.name})
    else:
        messages.success(request, _("%(organisation)s agrees to this contract. Thank you.")
                         % {"organisation": chosen.organisation.name})
    return redirect(contract_path(found))


@require_POST
def renew(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = contract_for_mentor(request, pk)
    renewal = actions.renew(found, request.user.person)
    messages.success(request, _("The next cycle's contract is drafted with the same "
                                "commitments: change them if you wish, then offer it."))
    return redirect(contract_path(renewal))
