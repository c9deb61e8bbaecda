"""A member's own page, reached from the signed link in every footer, without a password:
how mail arrives, and leaving. Also the one-click unsubscribe (RFC 8058) and the confirmation
of a subscription asked for by email.

Permission here is the link itself (see member_links): every view starts by reading it. The
link may be quoted in the public archive, so it changes this delivery and nothing about the
person: a new address is asked for signed in (people's address page, linked from here). The
page speaks the member's language, not the browser's: it is theirs, reached from their mail.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from learnlink.exchange.forms import ModeForm
from learnlink.exchange.member_links import BadLink, membership_for
from learnlink.exchange.models import Membership
from learnlink.exchange.subscriptions import change_mode, confirm_join, leave, pending
from learnlink.people.addresses import delivery_address
from learnlink.people.person_language import speak_to


def _refused(request: HttpRequest, problem: BadLink) -> HttpResponse:
    return render(request, "exchange/member_link_problem.html", {"problem": str(problem)},
                  status=403)


def _address(membership: Membership) -> str:
    return (delivery_address(membership.person) if membership.person else "") or ""


@require_http_methods(["GET", "POST"])
def member(request: HttpRequest, token: str) -> HttpResponse:
    try:
        membership = membership_for(token)
    except BadLink as problem:
        return _refused(request, problem)
    speak_to(request, membership.person)
    mode_form = ModeForm(initial={"mode": membership.mode})
    # An organisation's delivery is its mentor's to change, as the page and the email
    # commands say: the link its people share does not change it.
    if request.method == "POST" and membership.person is not None:
        mode_form = ModeForm(request.POST)
        if mode_form.is_valid():
            change_mode(membership, mode_form.cleaned_data["mode"], _address(membership))
            return redirect("membership:settings", token)
    return render(request, "exchange/member.html", {
        "membership": membership, "group": membership.group, "token": token,
        "address": _address(membership), "mode_form": mode_form})


@csrf_exempt  # RFC 8058: the mail provider posts without a session; the signed link suffices
@require_http_methods(["GET", "POST"])
def leave_group(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (link scanners open links); POST, from our button or a one-click mail
    client, leaves."""
    try:
        membership = membership_for(token)
    except BadLink as problem:
        return _refused(request, problem)
    speak_to(request, membership.person)
    group = membership.group
    if membership.organisation_id:
        # One person's click must not take a whole farmer group out: its mentor decides.
        return _refused(request, BadLink(_(
            "You receive this group's mail as a member of an organisation: its mentor can "
            "change how it is delivered.")))
    if request.method == "POST":
        leave(membership, _address(membership))
        return render(request, "exchange/left.html", {"group": group})
    return render(request, "exchange/leave.html", {"group": group, "token": token})


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a subscription's confirmation mail: a button, then membership."""
    subscription = pending(token)
    if subscription is None:
        return render(request, "exchange/member_link_problem.html", {"problem": ""},
                      status=404)
    if request.method == "POST":
        confirm_join(subscription)
        return render(request, "exchange/joined.html", {"group": subscription.group})
    return render(request, "exchange/join.html", {"subscription": subscription})
