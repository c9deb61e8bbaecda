"""Walking a site's pages by their links, as a visitor clicking through would, for the tests
that check every page answers, that nothing private shows, that every page is in the reader's
language and that every page fits a phone."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from urllib.parse import parse_qsl, urldefrag, urlsplit

from django.http import HttpResponse
from django.test import Client
from django.urls import Resolver404, resolve

# Fetches a page: its HTML, or None for anything else (a feed, a file, a redirect elsewhere).
Fetch = Callable[[str], str | None]

# Where a crawl for pages never goes: the admin is Django's, the rest are not pages or sign out.
NOT_PAGES = ("/admin/", "/static/", "/media/", "/i18n/", "/accounts/logout/", "/api/")


def crawl(client: Client, start: str, follow: Callable[[str], bool],
          limit: int | None = None) -> dict[str, HttpResponse]:
    """Every page linked from `start` (breadth first) whose address `follow` accepts, fetched
    once, with its response; at most `limit` pages."""
    seen: dict[str, HttpResponse] = {}

    def fetch(url: str) -> str | None:
        seen[url] = response = client.get(url)
        html = "text/html" in response.get("Content-Type", "")
        return response.content.decode() if html else None

    walk(fetch, start, follow, limit)
    return seen


def walk(fetch: Fetch, start: str, follow: Callable[[str], bool], limit: int | None = None,
         samples: int | None = None) -> list[str]:
    """The addresses fetched, breadth first from `start`, following links `follow` accepts.

    With `samples`, at most that many pages of each shape are fetched: pages that differ only
    by an id or a slug (`shape`) are drawn by the same template, and a site of a hundred
    organisations need not be walked a hundred times to see how an organisation page looks."""
    fetched: list[str] = []
    queued = {start}
    queue = [start]
    shapes: Counter[str] = Counter()
    while queue and (limit is None or len(fetched) < limit):
        url = queue.pop(0)
        if samples is not None:
            shapes[shape(url)] += 1
            if shapes[shape(url)] > samples:
                continue
        fetched.append(url)
        html = fetch(url)
        if html is None:
            continue
        for href in re.findall(r'href="([^"]+)"', html):
            target = urldefrag(href.replace("&amp;", "&"))[0]
            if target not in queued and follow(target):
                queued.add(target)
                queue.append(target)
    return fetched


def shape(url: str) -> str:
    """The URL pattern that answers `url` and the names of its query's parameters:
    "directory/<slug:slug>/?" for every organisation page."""
    parts = urlsplit(url)
    try:
        route = resolve(parts.path).route
    except Resolver404:
        route = parts.path
    return f"{route}?{'&'.join(sorted({name for name, _value in parse_qsl(parts.query)}))}"


def same_site_page(target: str) -> bool:
    """A link to a page of this site, not to the admin, a static file, the API or sign out."""
    parts = urlsplit(target)
    return (not parts.scheme and not parts.netloc and target.startswith("/")
            and not target.startswith(NOT_PAGES))
