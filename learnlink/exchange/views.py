"""The web archive: groups, threads, messages; and the moderators' pages.

Every view starts by asking `permissions` for the group; nothing else decides who sees what.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.exchange import (
    group_links,
    moderation,
    page_generations,
    search_sections,
    thread_blocks,
)
from learnlink.exchange.archive import archive_months
from learnlink.exchange.display import thread_pages, whole_message, whole_messages
from learnlink.exchange.fast_html import month_links_html, thread_rows_html
from learnlink.exchange.forms import RejectForm, SearchForm
from learnlink.exchange.held_display import already, held_items
from learnlink.exchange.join_views import join_offer
from learnlink.exchange.models import (
    Attachment,
    Group,
    HeldMessage,
    Message,
    Subscription,
    Thread,
)
from learnlink.exchange.permissions import (
    can_moderate,
    can_see_source,
    group_for_moderator,
    group_for_reader,
    held_for_moderator,
    may_see_source,
    poster,
    quarantined_for_moderator,
    thread_for_reader,
    visible_groups,
)
from learnlink.exchange.probable_replies import thread_families
from learnlink.exchange.search import search_messages
from learnlink.lib.page_cache import served
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mail.models import InboundMessage


def group_list(request: HttpRequest) -> HttpResponse:
    groups = visible_groups(request.user).by_activity()
    page = Paginator(groups, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "exchange/group_list.html", {"page": page})


def group(request: HttpRequest, slug: str, year: int | None = None,
          month: int | None = None) -> HttpResponse:
    team = group_for_reader(request, slug)
    shown_month = _month(year, month)
    return served(request, lambda: _group_page(request, team, shown_month),
                  page_generations.of_group(team))


def _group_page(request: HttpRequest, team: Group, shown_month: datetime.date | None,
                ) -> HttpResponse:
    families = thread_families(team)
    threads = Thread.objects.latest_in(team, shown_month).exclude(
        pk__in=families.unlisted(by_activity=shown_month is None))
    page = Paginator(threads, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "exchange/group.html", {
        "group": team, "page": page, "threads": thread_rows_html(team, families.rows(page)),
        "months": month_links_html(team, archive_months(team)),
        "shown_month": shown_month, "links": group_links.shown(request.user, team),
        "moderator": can_moderate(request.user, team), "poster": poster(request.user, team),
        **join_offer(request.user, team)})


def _month(year: int | None, month: int | None) -> datetime.date | None:
    """The month of a month archive's address; none for the group's own page."""
    if not (year and month):
        return None
    if not 1 <= month <= 12:
        raise Http404
    return datetime.date(year, month, 1)


def thread(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    conversation = thread_for_reader(request, slug, pk)  # knows its group: blocks ask it
    team = conversation.group
    # Its count and last activity tell a guest's kept page from the last one even where the
    # process that stored the message could not replace the tokens here (no shared cache).
    return served(request, lambda: _thread_page(request, team, conversation),
                  page_generations.of_group(team), conversation.message_count,
                  conversation.last_activity.timestamp())


def _thread_page(request: HttpRequest, team: Group, conversation: Thread) -> HttpResponse:
    writer = poster(request.user, team)
    pages = thread_pages(team, conversation, can_see_source(request.user, team),
                         can_moderate(request.user, team), writer is not None)
    page = Paginator(pages.pages, 1).get_page(request.GET.get("page"))
    return render(request, "exchange/thread.html", {
        "group": team, "thread": conversation, "page": page, "articles": page[0],
        "poster": writer,
        "top": thread_blocks.rendered(request, team, conversation, "top"),
        "bottom": thread_blocks.rendered(request, team, conversation, "bottom")})


def message(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A message's permalink: the page of its thread that shows it, at the message."""
    team = group_for_reader(request, slug)
    conversation = get_object_or_404(Thread, group=team, messages__pk=pk)
    number = thread_pages(team, conversation, can_see_source(request.user, team),
                          can_moderate(request.user, team),
                          poster(request.user, team) is not None).page_of[pk]
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{conversation.get_absolute_url()}{query}#m{pk}")


def whole(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A long message whole, which its thread's page shows only the start of."""
    team = group_for_reader(request, slug)
    found = get_object_or_404(whole_messages(team), pk=pk)
    return render(request, "exchange/whole_message.html", {
        "group": team, "message": found,
        "article": whole_message(team, found, can_see_source(request.user, team),
                                 can_moderate(request.user, team))})


def message_source(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    team = group_for_reader(request, slug)
    if not may_see_source(request, team):
        return render(request, "exchange/members_only.html", {"group": team}, status=403)
    message = get_object_or_404(Message.objects.select_related("inbound"), group=team, pk=pk,
                                is_placeholder=False)
    if message.is_removed and not can_moderate(request.user, team):
        raise Http404
    raw = bytes(message.inbound.raw) if message.inbound else b""
    response = HttpResponse(raw, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="message-{message.pk}.eml"'
    return response


def attachment(request: HttpRequest, slug: str, pk: int, filename: str) -> HttpResponseBase:
    """Always a download, never rendered by the browser: attachments come from strangers."""
    team = group_for_reader(request, slug)
    item = get_object_or_404(Attachment.objects.select_related("message"), message__group=team,
                             pk=pk)
    if item.message.is_removed and not can_moderate(request.user, team):
        raise Http404
    response = FileResponse(default_storage.open(item.storage_name), as_attachment=True,
                            filename=item.filename, content_type="application/octet-stream")
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


QUEUE_PAGE_SIZE = 10  # held messages per page, each with up to 2,500 characters of text


def moderation_queue(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    team = group_for_moderator(request, slug)
    page = Paginator(HeldMessage.objects.waiting_in(team), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "exchange/moderation.html", {
        "group": team, "page": page, "items": held_items(page),
        "join_requests": Subscription.objects.for_mentors(team).count()})


def quarantine(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    team = group_for_moderator(request, slug)
    items = InboundMessage.objects.quarantined_to(team.address).defer("raw")
    page = Paginator(items, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "exchange/quarantine.html", {"group": team, "page": page})


@require_POST
def approve(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    held = held_for_moderator(request, slug, pk)
    return _decided(request, slug, lambda: moderation.approve(held, request.user))


@require_POST
def approve_and_add(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    held = held_for_moderator(request, slug, pk)
    return _decided(request, slug, lambda: moderation.approve_and_add(held, request.user))


def _decided(request: AuthenticatedHttpRequest, slug: str,
             decide: Callable[[], None]) -> HttpResponse:
    """Back to the queue; a moderator who decided a moment after another (on the web or by
    mail) is told who did, and when, and nothing is done twice."""
    try:
        decide()
    except moderation.AlreadyDecided as decided:
        messages.info(request, already(decided.held))
    return redirect("exchange:moderation", slug)


@require_POST
def reject(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    held = held_for_moderator(request, slug, pk)
    form = RejectForm(request.POST, auto_id=f"id_%s_{held.pk}")
    if not form.is_valid():
        return render(request, "exchange/moderation.html", {
            "group": held.group, "items": held_items([held], form)}, status=400)
    reason = form.cleaned_data["reason"]
    return _decided(request, slug, lambda: moderation.reject(held, request.user, reason))


@require_http_methods(["GET", "POST"])
def ban(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET asks first: a standing decision about an address deserves a second look."""
    held = held_for_moderator(request, slug, pk)
    if request.method == "POST":
        return _decided(request, slug, lambda: moderation.ban(held, request.user))
    return render(request, "exchange/ban.html", {"group": held.group, "held": held})


@require_POST
def release(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    moderation.release(quarantined_for_moderator(request, slug, pk))
    return redirect("exchange:quarantine", slug)


@require_POST
def delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    moderation.delete(quarantined_for_moderator(request, slug, pk))
    return redirect("exchange:quarantine", slug)


SEARCH_PAGE_SIZE = 20


def search(request: HttpRequest) -> HttpResponse:
    """Search what the user may read; the form works with GET so results can be bookmarked."""
    return served(request, lambda: _search_page(request), [page_generations.SITE])


def _search_page(request: HttpRequest) -> HttpResponse:
    groups = visible_groups(request.user)
    form = SearchForm(request.GET or None, groups=groups)
    value = request.GET.get("page", "1")
    page = max(1, int(value)) if value.isdigit() else 1
    results = None
    sections: list[SafeString] = []
    if form.is_valid():
        data = form.cleaned_data
        results = search_messages(groups, data["q"],
                                  group_slug=data["group"],
                                  sender=data["sender"], since=data["since"],
                                  until=data["until"], limit=SEARCH_PAGE_SIZE,
                                  offset=(page - 1) * SEARCH_PAGE_SIZE)
        sections = search_sections.as_html(request, data["q"]) if page == 1 else []
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "exchange/search.html", {
        "form": form, "results": results, "page_number": page, "query": query.urlencode(),
        "has_next": bool(results and results.total > page * SEARCH_PAGE_SIZE),
        "sections": sections})
