"""Calendar feeds (iCalendar) and the page that gives an insider their links."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learnlink.alliance.calendar.feeds import alliance_feed, person_feed
from learnlink.alliance.calendar.links import (
    alliance_feed_url,
    person_feed_url,
    public_feed_url,
)
from learnlink.alliance.models import Visibility
from learnlink.alliance.permissions import (
    alliance_for_feed,
    alliance_for_insider,
    person_for_feed,
    person_of,
)
from learnlink.lib.requests import AuthenticatedHttpRequest


def _ics(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


def alliance_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    alliance, with_tasks = alliance_for_feed(slug, None)
    return _ics(alliance_feed(alliance, with_tasks), alliance.slug)


def alliance_calendar_signed(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    alliance, with_tasks = alliance_for_feed(slug, token)
    return _ics(alliance_feed(alliance, with_tasks), alliance.slug)


def person_calendar(request: HttpRequest, token: str) -> HttpResponse:
    person = person_for_feed(token)
    return _ics(person_feed(person), person.slug)


def calendar_links(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_insider(request, slug)
    person = person_of(request.user)
    return render(request, "alliance/calendar.html", {
        "alliance": alliance, "alliance_url": alliance_feed_url(alliance),
        "public_url": (public_feed_url(alliance)
                       if alliance.visibility == Visibility.PUBLIC else ""),
        "person_url": person_feed_url(person) if person else ""})
