"""The web page of outgoing mail: what was sent, what waits and why, what failed.

For an installation without a relay this is where mail can be read at all, so a message's text
is shown as its recipients would read it (tokens hidden; whole on a development run)."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mail.models import Delivery, DeliveryState, Outgoing
from learnlink.mail.permissions import check_outbox_reader, shows_mail_whole
from learnlink.mail.readable import readable


def outbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    check_outbox_reader(request)
    page = Paginator(Outgoing.objects.defer("raw"), settings.LEARNLINK_PAGE_SIZE).get_page(
        request.GET.get("page"))
    counts = Delivery.objects.counts_by_state(page)
    rows = [(item, counts.get(item.pk, {})) for item in page]
    return render(request, "mail/outbox.html", {
        "page": page, "rows": rows, "relay": settings.LEARNLINK_RELAY})


def outgoing(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    check_outbox_reader(request)
    item = get_object_or_404(Outgoing, pk=pk)
    state = request.GET.get("state", "")
    page = Paginator(item.deliveries.for_message_page(state), 50).get_page(
        request.GET.get("page"))
    whole = shows_mail_whole()
    return render(request, "mail/outgoing.html", {
        "item": item, "message": readable(item, whole), "whole": whole, "page": page,
        "state": state,
        "states": DeliveryState.choices, "relay": settings.LEARNLINK_RELAY})
