"""A practice's diffusion as plain data: what the table, the API, and the drawings (timeline,
graph, map, CSV, GraphML) are made from, so that none of them touches the database.

`diffusion_of(practice)` reads it in a bounded number of queries (the practice's origin and
adoptions, and the small tree of places once, for each place's country); `record_origin` and
`record_adoption` are how anything saves one, through the models' `clean`, all or nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from learnlink.knowledge.models import (
    Adoption,
    AdoptionStatus,
    Channel,
    Practice,
    PracticeOrigin,
)
from learnlink.people.models import Place
from learnlink.people.models.places import PlaceKind


@dataclass(frozen=True)
class Spot:
    """A place as a drawing needs it: its name, its country, where it lies (if known)."""

    name: str
    country: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class Step:
    """The origin (key "origin", no status) or one adoption (key its id)."""

    key: str
    organisation: str
    spot: Spot | None
    date: datetime.date
    status: str = ""
    channel: str = ""
    adaptation: str = ""
    learned_from: str = ""  # the key of the step it was learned from: "origin" if no other

    @property
    def status_label(self) -> str:
        return str(AdoptionStatus(self.status).label) if self.status else ""

    @property
    def channel_label(self) -> str:
        return str(Channel(self.channel).label) if self.channel else ""


@dataclass(frozen=True)
class Diffusion:
    practice_id: int
    title: str
    origin: Step | None
    adoptions: list[Step]

    def countries(self) -> list[str]:
        steps = [self.origin, *self.adoptions] if self.origin else self.adoptions
        return sorted({s.spot.country for s in steps if s.spot and s.spot.country})


class Places:
    """Every place, read once, to give any of them its country and coordinates."""

    def __init__(self) -> None:
        self.by_id = {p.pk: p for p in Place.objects.only(
            "pk", "name", "kind", "parent_id", "latitude", "longitude")}

    def country(self, place_id: int | None) -> str:
        seen: set[int] = set()
        node = self.by_id.get(place_id) if place_id else None
        while node is not None and node.pk not in seen:
            if node.kind == PlaceKind.COUNTRY or node.parent_id is None:
                return node.name
            seen.add(node.pk)
            node = self.by_id.get(node.parent_id)
        return ""

    def full_name(self, place_id: int | None) -> str:
        """"Muheza, Tanga, Tanzania", from the tree already read."""
        names: list[str] = []
        node = self.by_id.get(place_id) if place_id else None
        while node is not None and node.name not in names:
            names.append(node.name)
            node = self.by_id.get(node.parent_id) if node.parent_id else None
        return ", ".join(names)

    def spot(self, place_id: int | None) -> Spot | None:
        place = self.by_id.get(place_id) if place_id else None
        if place is None:
            return None
        return Spot(place.name, self.country(place.pk),
                    float(place.latitude) if place.latitude is not None else None,
                    float(place.longitude) if place.longitude is not None else None)


def diffusion_of(practice: Practice, places: Places | None = None) -> Diffusion:
    """A practice's diffusion; a translation has its original's. Four queries."""
    original = practice.original
    places = places or Places()
    origin = (PracticeOrigin.objects.select_related("organisation")
              .filter(practice=original).first())
    first = None if origin is None else Step(
        "origin", origin.organisation.name, places.spot(origin.place_id), origin.date)
    adoptions = [Step(str(a.pk), a.organisation.name, places.spot(a.place_id), a.date,
                      a.status, a.channel, a.adaptation,
                      str(a.learned_from_id) if a.learned_from_id else "origin")
                 for a in original.adoptions.select_related("organisation")]
    return Diffusion(original.pk, original.title, first, adoptions)


def record_origin(origin: PracticeOrigin) -> PracticeOrigin:
    origin.full_clean()
    origin.save()
    return origin


@transaction.atomic
def record_adoption(adoption: Adoption) -> Adoption:
    """Save one adoption once `Adoption.clean` has let it through (else ValidationError)."""
    adoption.full_clean()
    adoption.save()
    return adoption
