"""A member's own page, reached from the signed link in every footer, without a password:
how mail arrives, and leaving. Also the one-click unsubscribe (RFC 8058) and the confirmation
of a subscription asked for by email.

Permission here is the link itself (see member_links): every view starts by reading it through
`permissions.membership_for_link`, and a refused link shows why. The link may be quoted in the
public archive, so it changes this delivery and nothing about the person: a new address is
asked for signed in (people's address page, linked from here). The page speaks the member's
language, not the browser's: it is theirs, reached from their mail.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from learnlink.exchange.forms import ModeForm
from learnlink.exchange.join_requests import confirmed
from learnlink.exchange.member_links import BadLink
from learnlink.exchange.permissions import check_link_may_change, membership_for_link
from learnlink.exchange.subscriptions import (
    change_mode,
    choose_plain_text,
    leave,
    member_address,
    pending,
)

LinkView = Callable[[HttpRequest, str], HttpResponse]


def refusing_bad_links(view: LinkView) -> LinkView:
    """A link that may not do what it was opened for shows the reason, in a 403 page."""
    @wraps(view)
    def refusing(request: HttpRequest, token: str) -> HttpResponse:
        try:
            return view(request, token)
        except BadLink as problem:
            return render(request, "exchange/member_link_problem.html",
                          {"problem": str(problem)}, status=403)
    return refusing


@refusing_bad_links
@require_http_methods(["GET", "POST"])
def member(request: HttpRequest, token: str) -> HttpResponse:
    membership = membership_for_link(request, token)
    mode_form = ModeForm(request.POST or None, initial={"mode": membership.mode,
                                                        "plain_text": membership.plain_text})
    if mode_form.is_valid():
        check_link_may_change(membership)
        choose_plain_text(membership, mode_form.cleaned_data["plain_text"])
        if mode_form.cleaned_data["mode"] != membership.mode:
            change_mode(membership, mode_form.cleaned_data["mode"], member_address(membership))
        return redirect("membership:settings", token)
    return render(request, "exchange/member.html", {
        "membership": membership, "group": membership.group, "token": token,
        "address": member_address(membership), "mode_form": mode_form})


@csrf_exempt  # RFC 8058: the mail provider posts without a session; the signed link suffices
@refusing_bad_links
@require_http_methods(["GET", "POST"])
def leave_group(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (link scanners open links); POST, from our button or a one-click mail
    client, leaves."""
    membership = membership_for_link(request, token)
    check_link_may_change(membership)  # one person's click must not take a farmer group out
    group = membership.group
    if request.method == "POST":
        leave(membership, member_address(membership))
        return render(request, "exchange/left.html", {"group": group})
    return render(request, "exchange/leave.html", {"group": group, "token": token})


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a subscription's confirmation mail: a button, then membership (or, for a
    members-only group, the request on its way to the mentors; opened again, it says so)."""
    subscription = pending(token)
    if subscription is None:
        return render(request, "exchange/member_link_problem.html", {"problem": ""},
                      status=404)
    if request.method == "POST" or subscription.confirmed:
        done = confirmed(subscription)
        return render(request, "exchange/joined.html", {
            "group": subscription.group, "to_mentors": done != "joined"})
    return render(request, "exchange/join.html", {"subscription": subscription})
