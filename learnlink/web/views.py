"""The home page: what is happening in the network (the latest discussions, the groups where
they happen, who joined the directory), each one link from the whole of it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learnlink.exchange.models import Thread
from learnlink.exchange.permissions import visible_groups
from learnlink.people.models import Organisation, Person

LATEST = 8


def home(request: HttpRequest) -> HttpResponse:
    """Six queries whatever the size of the network; only groups the reader may see."""
    groups = visible_groups(request.user)
    discussions = Thread.objects.latest_discussions(groups)[:LATEST]
    active = groups.by_activity()[:6]
    joined = Organisation.objects.recently_joined()[:6]
    counts = {"organisations": Organisation.objects.count(), "people": Person.objects.count()}
    return render(request, "web/home.html", {"discussions": discussions, "groups": active,
                                             "joined": joined, "counts": counts})
