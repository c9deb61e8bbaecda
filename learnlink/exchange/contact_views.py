"""The mentors' page of contacts to fix. Permission: the group's moderators see it, checked
first in each view through `permissions.group_for_moderator`; only the network's mentors and
staff act on an address, and never on a mentor's or staff member's (people.permissions), as
`permissions.address_for_fixer` checks first in each view that acts."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.exchange.contacts import failed_deliveries, troubled_addresses
from learnlink.exchange.permissions import address_for_fixer, group_for_moderator
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.people.address_changes import AddressTaken, suggest_address
from learnlink.people.address_links import send_address_link
from learnlink.people.forms import NewAddressForm
from learnlink.people.permissions import fixable


def contacts(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    team = group_for_moderator(request, slug)
    failed = Paginator(failed_deliveries(team), settings.LEARNLINK_PAGE_SIZE).get_page(
        request.GET.get("page"))
    addresses = troubled_addresses(team)
    return render(request, "exchange/contacts.html", {
        "group": team, "addresses": addresses[:200], "page": failed,
        "fixable": set(fixable(request.user, addresses).order_by().values_list("pk", flat=True))})


@require_POST
def probe(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    team, record = address_for_fixer(request, slug, pk)
    send_address_link(record.person, record.address, "probe", team.language)
    messages.success(request, _("A probe was sent to %(address)s: one click on its link starts "
                                "delivery again.") % {"address": record.address})
    return redirect("exchange:contacts", slug)


@require_POST
def new_address(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    team, record = address_for_fixer(request, slug, pk)
    form = NewAddressForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That is not an email address."))
        return redirect("exchange:contacts", slug)
    address = form.cleaned_data["address"]
    try:
        suggest_address(record.person, address, request.user, team.language)
    except AddressTaken as taken:
        messages.error(request, _("%(address)s is already the address of %(name)s.") % {
            "address": address, "name": taken.holder.name})
    else:
        messages.success(request, _(
            "A link was sent to %(address)s: %(name)s's mail goes there once they open it. "
            "Until then it goes to their current address, which was told.") % {
            "name": record.person.name, "address": address})
    return redirect("exchange:contacts", slug)
