"""The link in the mail that asks a member to confirm a change sent by email (leaving, or a
new delivery mode). It needs only that mail's token and can do only that one change: it signs
nobody in and opens no settings page. GET asks, since mail scanners open links; POST confirms.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from learnlink.exchange.subscriptions import carry_out, pending_change


@require_http_methods(["GET", "POST"])
def confirm_change(request: HttpRequest, token: str) -> HttpResponse:
    change = pending_change(token)
    if change is None:
        return render(request, "exchange/member_link_problem.html", {"problem": ""},
                      status=404)
    context = {"group": change.membership.group, "leave": change.leaves,
               "mode": change.mode_label}
    if request.method == "POST":
        carry_out(change)
        return render(request, "exchange/change_confirmed.html", context)
    return render(request, "exchange/confirm_change.html", context)
