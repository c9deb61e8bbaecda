"""The library's pages: the list with its filters, a practice's page with its diffusion table,
and the forms of those who write and coach practices. Every view asks `permissions` first."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from learnlink.exchange.permissions import person_id
from learnlink.knowledge import actions, library, permissions
from learnlink.knowledge.drawings import drawings, rows
from learnlink.knowledge.forms import (
    AdoptionForm,
    LibraryFilter,
    OriginForm,
    PracticeForm,
    StateForm,
)
from learnlink.knowledge.journeys import Places, diffusion_of
from learnlink.knowledge.markdown import render as markdown
from learnlink.knowledge.models import Adoption, Practice, PracticeOrigin
from learnlink.knowledge.models.practices import BODY_PARTS
from learnlink.knowledge.translations import reader_language, versions
from learnlink.mentoring.models import Synthesis
from learnlink.mentoring.syntheses.showing import shown_at
from learnlink.people.models import Person

# OpenGraph names a language with a territory; the network's own for each language.
OG_LOCALES = {"en": "en_GB", "sw": "sw_TZ", "fr": "fr_FR"}


def practices(request: HttpRequest) -> HttpResponse:
    """Open to everyone: what a guest sees is the published library."""
    form = LibraryFilter(request.GET or None)
    form.is_valid()
    found = library.filtered(permissions.readable_practices(request.user),
                             getattr(form, "cleaned_data", {}))
    page = Paginator(found, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    rows = library.with_translations(page, permissions.readable_practices(request.user),
                                     reader_language())
    return render(request, "knowledge/practices.html", {
        "form": form, "page": page, "rows": rows, "query": query.urlencode(),
        "may_start": permissions.may_start(request.user)})


def practice(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.practice_for_reader(request, pk)
    threads, closed = permissions.readable_threads(request.user, item)
    places = Places()
    journey = diffusion_of(item, places)
    return render(request, "knowledge/practice.html", {
        "practice": item,
        "parts": [(_label(part), markdown(getattr(item, part)))
                  for part in BODY_PARTS if getattr(item, part).strip()],
        "rows": rows(journey) if journey else [],
        **(drawings(journey) if journey else {}), "place": places.full_name(item.place_id),
        "threads": threads, "closed_threads": closed,
        "syntheses": _where_read(permissions.readable_syntheses(request.user, item)),
        **versions(item, permissions.readable_practices(request.user)),
        "address": request.build_absolute_uri(item.get_absolute_url()),
        "og_locale": OG_LOCALES.get(item.language, item.language),
        "may_edit": permissions.may_edit(request.user, item),
        "state_form": (StateForm(initial={"state": item.state})
                       if permissions.may_change_state(request.user, item) else None),
    })


def _where_read(syntheses: list[Synthesis]) -> list[tuple[Synthesis, str]]:
    """Each synthesis with the page its readers read it on (its own is the mentors')."""
    where = shown_at([synthesis.pk for synthesis in syntheses])
    return [(synthesis, where[synthesis.pk]) for synthesis in syntheses if synthesis.pk in where]


def _label(part: str) -> str:
    return str(Practice._meta.get_field(part).verbose_name)  # type: ignore[union-attr]


def new(request: HttpRequest) -> HttpResponse:
    permissions.starter_or_refuse(request)
    form = PracticeForm(request.POST or None,
                        initial={"translation_of": request.GET.get("translation_of")})
    if request.method == "POST" and form.is_valid():
        return redirect(actions.save_practice(form, _person(request)))
    return render(request, "knowledge/edit.html", {
        "form": form, "writeups": permissions.writeups_to_turn(request.user)})


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.practice_for_editor(request, pk)
    form = PracticeForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        return redirect(actions.save_practice(form, _person(request)))
    return render(request, "knowledge/edit.html", {"form": form, "practice": item})


@require_POST
def change_state(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.practice_for_editor(request, pk)
    form = StateForm(request.POST)
    if not permissions.may_change_state(request.user, item) or not form.is_valid():
        return redirect(item)
    actions.change_state(item, form.cleaned_data["state"])
    return redirect(item)


def origin(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.practice_for_editor(request, pk).original
    found = PracticeOrigin.objects.filter(practice=item).first()
    form = OriginForm(request.POST or None, instance=found or PracticeOrigin(practice=item))
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect(item.get_absolute_url() + "#diffusion")
    return render(request, "knowledge/diffusion_form.html", {
        "form": form, "practice": item, "adding": False})


def add_adoption(request: HttpRequest, pk: int) -> HttpResponse:
    """Saved through `diffusion.record_adoption`'s checks (the form's `full_clean`)."""
    item = permissions.practice_for_editor(request, pk).original
    form = AdoptionForm(request.POST or None, instance=Adoption(practice=item))
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect(item.get_absolute_url() + "#diffusion")
    return render(request, "knowledge/diffusion_form.html", {
        "form": form, "practice": item, "adding": True})


@require_POST
def from_writeup(request: HttpRequest, pk: int) -> HttpResponse:
    writeup = permissions.writeup_for_turning(request, pk)
    practice = actions.practice_from_writeup(writeup, _person(request))
    return redirect("knowledge:edit", practice.pk)


def _person(request: HttpRequest) -> Person | None:
    pid = person_id(request.user)
    return Person.objects.filter(pk=pid).first() if pid else None
