"""The library's section of a search's answer (by mail and on the search page): the practices
this reader may read whose title or summary holds every word of the query. Registered into the
exchange's search sections from KnowledgeConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse

from learnlink.knowledge import permissions
from learnlink.knowledge.permissions import AnyUser
from learnlink.lib.links import absolute

RESULTS = 10
WORDS = 6  # the first words of a long query are enough to find a practice by


def search_section(query: str, reader: AnyUser) -> dict[str, Any] | None:
    words = query.split()[:WORDS]
    if not words:
        return None
    found = permissions.readable_practices(reader)
    for word in words:
        found = found.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    practices = list(found.only("pk", "title", "summary", "language", "state")
                     .order_by("-published", "-pk")[:RESULTS])
    if not practices:
        return None
    return {"practices": practices, "library_link": absolute(reverse("knowledge:practices")),
            "site": absolute("")}
