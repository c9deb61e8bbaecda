"""The knowledge part of the JSON API: the library's list and a practice's diffusion, open to
everyone for what is published (the public website and others' maps read them)."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from learnlink.knowledge import diffusion, library, permissions
from learnlink.knowledge.journeys import Places, diffusion_of
from learnlink.people.api_auth import api_user

router = Router(tags=["knowledge"])


class PracticeRow(Schema):
    id: int
    title: str
    enterprises: list[str]
    themes: list[str]
    place: str
    country: str
    language: str


class PracticeList(Schema):
    items: list[PracticeRow]


class Origin(Schema):
    organisation: str
    place: str
    country: str
    date: datetime.date


class AdoptionRow(Origin):
    status: str
    channel: str
    adaptation: str


class DiffusionOut(Schema):
    origin: Origin | None
    adoptions: list[AdoptionRow]


@router.get("/practices", response=PracticeList)
def practice_list(request: HttpRequest, enterprise: str = "", theme: str = "", place: str = "",
                  lang: str = "") -> dict[str, object]:
    """Every filter may be empty (`?place=` as a form sends it); the first 500 practices."""
    found = library.filtered(permissions.readable_practices(api_user(request)), {
        "enterprise": enterprise, "theme": theme, "lang": lang,
        "place": int(place) if place.isdigit() else None})
    places = Places()
    return {"items": [{
        "id": p.pk, "title": p.title, "enterprises": [e.slug for e in p.enterprises.all()],
        "themes": [t.slug for t in p.themes.all()], "place": p.place.name if p.place else "",
        "country": places.country(p.place_id), "language": p.language} for p in found[:500]]}


def _where(step: diffusion.Origin | diffusion.Adoption) -> dict[str, object]:
    return {"organisation": step.organisation, "place": step.place, "country": step.country,
            "date": step.date}


@router.get("/practices/{pk}/diffusion", response=DiffusionOut)
def practice_diffusion(request: HttpRequest, pk: int) -> dict[str, object]:
    found = diffusion_of(permissions.practice_for_api(api_user(request), pk))
    if found is None:
        return {"origin": None, "adoptions": []}
    return {"origin": _where(found.origin),
            "adoptions": [{**_where(a), "status": a.status, "channel": a.channel,
                           "adaptation": a.adaptation} for a in found.adoptions]}
