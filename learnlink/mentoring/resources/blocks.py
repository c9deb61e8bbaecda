"""What the library shows on the exchange's pages, through the exchange's registries: the
"Resources for this discussion" block under a thread's messages, and a section of a search's
answer (by mail and on the search page)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

from learnlink.exchange.models import Group, Thread
from learnlink.exchange.search_sections import AnyUser
from learnlink.lib.links import absolute
from learnlink.mentoring.models import Resource, ThreadResource
from learnlink.mentoring.permissions import attaches_resources, sees_expert_contacts
from learnlink.mentoring.resources.library import found_for
from learnlink.mentoring.resources.matching import suggested_for

SEARCH_RESULTS = 5


def thread_block(request: HttpRequest, group: Group, thread: Thread) -> dict[str, Any]:
    """The resources mentors attached to the thread, those the library suggests for it, and
    (for the group's mentors) the buttons to attach and detach them. Shown to every reader of
    the thread, as the library is public."""
    attached = [item.resource for item in ThreadResource.objects.of_thread(thread.pk)]
    suggested_ids = suggested_for(thread, leave_out=[r.pk for r in attached])
    found = Resource.objects.in_bulk(suggested_ids) if suggested_ids else {}
    mentor = attaches_resources(request.user, thread)
    return {"attached": attached, "suggested": [found[pk] for pk in suggested_ids if pk in found],
            "can_attach": mentor,
            "find_url": f"{reverse('mentoring:resources')}?{urlencode({'thread': thread.pk})}"}


def search_section(query: str, reader: AnyUser) -> dict[str, Any] | None:
    """The resources having every word of the query; contact details only for members."""
    resources = found_for(query, SEARCH_RESULTS)
    if not resources:
        return None
    library = f"{reverse('mentoring:resources')}?{urlencode({'q': query})}"
    return {"resources": resources, "contacts": sees_expert_contacts(reader),
            "library_url": library, "library_link": absolute(library), "site": absolute("")}
