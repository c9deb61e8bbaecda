"""The directory: organisations by place, kind and enterprise; an organisation; a person."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from learnlink.people.forms import DirectoryFilterForm
from learnlink.people.models import Organisation, Person
from learnlink.people.permissions import can_see_contact_details


def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    organisations = Organisation.objects.for_directory(**(form.cleaned_data
                                                          if form.is_valid() else {}))
    page = Paginator(organisations, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "people/directory.html",
                  {"form": form, "page": page, "query": query.urlencode()})


def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organisation.objects.for_page(), slug=slug)
    affiliations = org.affiliations.select_related("person").order_by("person__name")
    return render(request, "people/organisation.html",
                  {"organisation": org, "affiliations": affiliations})


def person(request: HttpRequest, slug: str) -> HttpResponse:
    show_contacts = can_see_contact_details(request.user)
    someone = get_object_or_404(Person.objects.for_page(with_contacts=show_contacts), slug=slug)
    return render(request, "people/person.html",
                  {"person": someone, "show_contacts": show_contacts})
