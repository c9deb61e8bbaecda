"""Walking a site's pages by their links, as a visitor clicking through would, for the tests
that check every page answers and that nothing private shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urldefrag

from django.http import HttpResponse
from django.test import Client


def crawl(client: Client, start: str, follow: Callable[[str], bool],
          limit: int | None = None) -> dict[str, HttpResponse]:
    """Every page linked from `start` (breadth first) whose address `follow` accepts, fetched
    once, with its response; at most `limit` pages."""
    seen: dict[str, HttpResponse] = {}
    queue = [start]
    while queue and (limit is None or len(seen) < limit):
        url = queue.pop(0)
        if url in seen:
            continue
        seen[url] = response = client.get(url)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for href in re.findall(r'href="([^"]+)"', response.content.decode()):
            target = urldefrag(href.replace("&amp;", "&"))[0]
            if target not in seen and follow(target):
                queue.append(target)
    return seen
