"""The home page: what Learnlink is and a way into the network."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learnlink.people.models import Enterprise, Organisation, Person, Place


def home(request: HttpRequest) -> HttpResponse:
    counts = {
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "places": Place.objects.filter(organisations__isnull=False).distinct().count(),
    }
    enterprises = (Enterprise.objects.annotate(n=Count("organisations"))
                   .filter(n__gt=0).order_by("-n", "name")[:20])
    recent = Organisation.objects.select_related("place").order_by("-created", "name")[:6]
    return render(request, "web/home.html",
                  {"counts": counts, "enterprises": enterprises, "recent": recent})
