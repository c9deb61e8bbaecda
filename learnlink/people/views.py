"""The directory: organisations by place, kind and enterprise; an organisation; a person."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from learnlink.people.forms import DirectoryFilterForm
from learnlink.people.models import Affiliation, Organisation, Person, Place
from learnlink.people.permissions import can_see_contact_details


def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    organisations = Organisation.objects.for_directory()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            organisations = organisations.filter(name__icontains=data["q"])
        if data["place"]:
            place = Place(pk=data["place"])
            organisations = organisations.filter(place__in=Place.objects.descendant_ids(place))
        if data["kind"]:
            organisations = organisations.filter(kind=data["kind"])
        if data["enterprise"]:
            organisations = organisations.filter(enterprises=data["enterprise"])
    page = Paginator(organisations, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "people/directory.html",
                  {"form": form, "page": page, "query": query.urlencode()})


def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(
        Organisation.objects.select_related("place__parent__parent", "parent")
        .prefetch_related("enterprises", "members"),
        slug=slug,
    )
    affiliations = org.affiliations.select_related("person").order_by("person__name")
    return render(request, "people/organisation.html",
                  {"organisation": org, "affiliations": affiliations})


def person(request: HttpRequest, slug: str) -> HttpResponse:
    show_contacts = can_see_contact_details(request.user)
    people = Person.objects.select_related("place__parent__parent").prefetch_related(
        Prefetch("affiliations", Affiliation.objects.select_related("organisation"))
    )
    if show_contacts:
        people = people.prefetch_related("email_addresses")
    someone = get_object_or_404(people, slug=slug)
    return render(request, "people/person.html",
                  {"person": someone, "show_contacts": show_contacts})
