"""The web page of outgoing mail: what was sent, what waits and why, what failed.

For an installation without a relay this is where mail can be read at all, so a message's text
is shown as its recipients would read it (tokens hidden; whole on a development run)."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from learnlink.lib.emails import Kind, kinds, render_sample
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mail.models import Delivery, DeliveryState, Outgoing
from learnlink.mail.permissions import (
    check_catalogue_reader,
    check_outbox_reader,
    shows_mail_whole,
)
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


def catalogue(request: AuthenticatedHttpRequest, app: str = "") -> HttpResponse:
    """Every kind of mail written from its sample, in the language asked (?language=sw) or the
    page's: where staff see what people receive, and a translator checks it. One page an app
    sends from (the whole catalogue on one page outgrew the 50 KB a page may weigh), below
    the list of every kind."""
    check_catalogue_reader(request)
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = get_language()
    by_app: dict[str, list[Kind]] = {}
    for kind in kinds():
        by_app.setdefault(kind.app, []).append(kind)
    if app and app not in by_app:
        raise Http404
    return render(request, "mail/catalogue.html", {
        "by_app": by_app, "app": app,
        "mails": [(kind, render_sample(kind, language)) for kind in by_app.get(app, [])],
        "language": language, "mail_languages": settings.LANGUAGES})
