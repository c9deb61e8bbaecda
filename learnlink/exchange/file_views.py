"""A group's page of files: the attachments of its messages, for whoever may read its archive
(`permissions.group_for_reader`, asked first), filtered by kind and month."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learnlink.exchange.by_email import GET, service_address
from learnlink.exchange.forms import FilesFilter
from learnlink.exchange.models import Attachment
from learnlink.exchange.permissions import can_moderate, group_for_reader


def files(request: HttpRequest, slug: str) -> HttpResponse:
    team = group_for_reader(request, slug)
    form = FilesFilter(request.GET)
    chosen = form.cleaned_data if form.is_valid() else {}
    found = Attachment.objects.for_files_page(
        team, kind=chosen.get("kind", ""), month=form.chosen_month() if chosen else None,
        with_removed=can_moderate(request.user, team))
    page = Paginator(found.values_list("pk", flat=True), settings.LEARNLINK_PAGE_SIZE).get_page(
        request.GET.get("page"))
    query = urlencode({k: v for k, v in chosen.items() if v})
    return render(request, "exchange/files.html", {
        "group": team, "form": form, "page": page, "query": query,
        "files": Attachment.objects.shown(list(page)),
        "get": service_address(GET)})
