"""Published stories, news and interviews in the answer to a search, by mail and on the search
page, through the exchange's registry of search sections (registered in `apps.py`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse

from learnlink.exchange.search_sections import AnyUser
from learnlink.knowledge.models import Story
from learnlink.lib.links import absolute

SEARCH_RESULTS = 5


def search_section(query: str, reader: AnyUser) -> dict[str, Any] | None:
    """The latest published pieces having every word of the query in their title, summary or
    text; the same for every reader, since only what is public is searched."""
    words = query.split()
    if not words:
        return None
    found = Story.objects.published()
    for word in words:
        found = found.filter(Q(title__icontains=word) | Q(summary__icontains=word)
                             | Q(body__icontains=word))
    stories = list(found.for_list()[:SEARCH_RESULTS])
    if not stories:
        return None
    return {"stories": stories, "site": absolute(""),
            "list_url": reverse("stories:list"), "list_link": absolute(reverse("stories:list"))}
