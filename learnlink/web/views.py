"""The home page: what is happening in the network (the latest discussions, the groups where
they happen, who joined the directory) and what it published (the latest practices, stories,
news and interviews, the syntheses of public discussions), each one link from the whole of it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learnlink.exchange import page_generations
from learnlink.exchange.models import Thread
from learnlink.exchange.permissions import visible_groups
from learnlink.knowledge.models import Practice, Story
from learnlink.knowledge.permissions import public_groups
from learnlink.lib.page_cache import served
from learnlink.mentoring.models import Synthesis
from learnlink.mentoring.syntheses.showing import shown_at
from learnlink.people.models import Organisation, Person

LATEST = 8
PUBLISHED = 5


def home(request: HttpRequest) -> HttpResponse:
    """Eleven queries at most whatever the size of the network; only groups the reader may see, and
    only the syntheses of public groups (the public site's). A guest's is kept (`page_cache`)."""
    return served(request, lambda: _home_page(request), [page_generations.SITE])


def _home_page(request: HttpRequest) -> HttpResponse:
    groups = visible_groups(request.user)
    discussions = Thread.objects.latest_discussions(groups)[:LATEST]
    active = groups.by_activity()[:6]
    joined = Organisation.objects.recently_joined()[:6]
    counts = {"organisations": Organisation.objects.count(), "people": Person.objects.count()}
    practices = Practice.objects.published().only(
        "pk", "title", "summary", "language").order_by("-published", "-pk")[:PUBLISHED]
    return render(request, "web/home.html", {
        "discussions": discussions, "groups": active, "joined": joined, "counts": counts,
        "practices": practices, "stories": Story.objects.latest_public(PUBLISHED),
        "syntheses": _syntheses()})


def _syntheses() -> list[tuple[Synthesis, str]]:
    """The latest syntheses of public groups, each with the page readers read it on."""
    latest = list(Synthesis.objects.published().filter(group__in=public_groups())
                  .select_related("group").order_by("-published", "-pk")[:PUBLISHED])
    where = shown_at([synthesis.pk for synthesis in latest])
    return [(synthesis, where[synthesis.pk]) for synthesis in latest if synthesis.pk in where]
