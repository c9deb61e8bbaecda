"""Asking to join a members-only group on the web, and its mentors' answer.

The ask page (/groups/SLUG/ask/, the address a mentor gives people) shows the same form and the
same answer whether a members-only group of that name exists or not, as a guest's redirect to
sign in does: only the mailbox learns (subscriptions.request_to_join). A reader who can read
the group is sent to its own page. Each address and each client may ask a few times an hour,
as on a public group's join form.
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.exchange import join_requests
from learnlink.exchange.forms import AskToJoinForm, RefuseJoinForm
from learnlink.exchange.join_views import own_address
from learnlink.exchange.models import Group, Subscription
from learnlink.exchange.permissions import (
    group_for_asking,
    group_for_moderator,
    join_request_for_moderator,
)
from learnlink.exchange.subscriptions import request_to_join
from learnlink.lib.limits import Limit, client_address
from learnlink.lib.requests import AuthenticatedHttpRequest


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest, slug: str) -> HttpResponse:
    asking = group_for_asking(request, slug)
    if asking.reads and asking.group is not None:
        return redirect(asking.group)
    form = AskToJoinForm(request.POST or None,
                         initial={"address": own_address(request.user)})
    if not form.is_valid():
        return render(request, "exchange/ask_to_join.html", {
            "slug": slug, "form": form, "join_address": Group(slug=slug).join_address},
            status=400 if request.method == "POST" else 200)
    data = form.cleaned_data
    within = not Limit.named("join-form").count(data["address"], client_address(request))
    if within and asking.group is not None:
        request_to_join(asking.group, data["address"], data["name"], data["message"])
    return render(request, "exchange/ask_sent.html", {"slug": slug, "address": data["address"]})


def waiting(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The requests to join that their address confirmed, for the group's mentors."""
    team = group_for_moderator(request, slug)
    page = Paginator(Subscription.objects.for_mentors(team),
                     settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "exchange/join_requests.html", {
        "group": team, "page": page, "items": [(asked, _refuse_form(asked)) for asked in page]})


def _refuse_form(asked: Subscription, data: QueryDict | None = None) -> RefuseJoinForm:
    """Each request's own form, its field's id its own on a page of several."""
    return RefuseJoinForm(data, auto_id=f"id_%s_{asked.pk}")


@require_POST
def approve(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    join_requests.approve(join_request_for_moderator(request, slug, pk))
    return redirect("exchange:join_requests", slug)


@require_POST
def refuse(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    asked = join_request_for_moderator(request, slug, pk)
    form = _refuse_form(asked, request.POST)
    if not form.is_valid():
        return render(request, "exchange/join_requests.html", {
            "group": asked.group, "items": [(asked, form)]}, status=400)
    join_requests.refuse(asked, form.cleaned_data["reason"])
    return redirect("exchange:join_requests", slug)
