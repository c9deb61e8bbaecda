"""Joining a public group from its page: a guest gives an address, a signed-in person clicks
once for their own; either way the address confirms by the same mail (or reply) as the join
command and SLUG-join@ (subscriptions.request_to_join), so nothing arrives unasked.

The page answers every address alike, member or not (only the mailbox is told which): the form
does not reveal who belongs. Each address and each client may ask a few times an hour; past
that the same answer, and no mail.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from learnlink.exchange.forms import JoinForm
from learnlink.exchange.models import Group
from learnlink.exchange.permissions import AnyUser, group_for_joining, may_join
from learnlink.exchange.subscriptions import command_list, request_to_join
from learnlink.lib.limits import Limit, client_address
from learnlink.people.addresses import delivery_address


def own_address(user: AnyUser) -> str:
    """Where a signed-in person's mail goes; '' for a guest or an account with no person."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    return (delivery_address(person) or "") if person is not None else ""


def join_offer(user: AnyUser, group: Group, form: JoinForm | None = None) -> dict[str, object]:
    """What a group's page shows about joining: the form (or the one-click button for a
    signed-in person's own address) when the reader may join, and the email commands."""
    if not group.is_public:
        return {}
    return {"may_join": may_join(user, group), "own_address": own_address(user),
            "join_form": form or JoinForm(), "commands": command_list(group)}


@require_POST
def join_group(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_for_joining(request, slug)
    address = own_address(request.user)
    if not address:
        form = JoinForm(request.POST)
        if not form.is_valid():
            return render(request, "exchange/join_form.html",
                          {"group": group, **join_offer(request.user, group, form)},
                          status=400)
        address = form.cleaned_data["address"]
    elif not may_join(request.user, group):
        return redirect(group)
    if not Limit.named("join-form").count(address, client_address(request)):
        request_to_join(group, address)
    return render(request, "exchange/join_asked.html", {
        "group": group, "address": address, "own": bool(own_address(request.user))})
