"""The mentors' page of contacts to fix. Permission: the group's moderators, checked first in
each view through `permissions.group_for_moderator`."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.exchange.contacts import (
    address_of_member,
    failed_deliveries,
    replace_address,
    troubled_addresses,
)
from learnlink.exchange.forms import AddressForm
from learnlink.exchange.permissions import group_for_moderator
from learnlink.people.address_links import send_address_link
from learnlink.people.addresses import current_holder
from learnlink.people.models import EmailAddress


def contacts(request: HttpRequest, slug: str) -> HttpResponse:
    team = group_for_moderator(request, slug)
    failed = Paginator(failed_deliveries(team), settings.LEARNLINK_PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "exchange/contacts.html", {
        "group": team, "addresses": troubled_addresses(team)[:200], "page": failed,
        "address_form": AddressForm()})


def _address(request: HttpRequest, slug: str, pk: int) -> tuple[str, EmailAddress]:
    team = group_for_moderator(request, slug)
    record = address_of_member(team, pk)
    if record is None:
        raise Http404
    return team.language, record


@require_POST
def probe(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    language, record = _address(request, slug, pk)
    send_address_link(record.person, record.address, "probe", language)
    messages.success(request, _("A probe was sent to %(address)s: one click on its link starts "
                                "delivery again.") % {"address": record.address})
    return redirect("exchange:contacts", slug)


@require_POST
def new_address(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _language, record = _address(request, slug, pk)
    form = AddressForm(request.POST)
    holder = current_holder(form.cleaned_data["address"]) if form.is_valid() else None
    if holder is not None and holder != record.person:
        messages.error(request, _("%(address)s is already the address of %(name)s.") % {
            "address": form.cleaned_data["address"], "name": holder.name})
    elif form.is_valid():
        replace_address(record, form.cleaned_data["address"])
        messages.success(request, _("%(name)s's mail now goes to %(address)s.") % {
            "name": record.person.name, "address": form.cleaned_data["address"]})
    else:
        messages.error(request, _("That is not an email address."))
    return redirect("exchange:contacts", slug)
