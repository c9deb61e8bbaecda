"""A practice's journey read from the database into the diffusion package's plain records
(`knowledge.diffusion`), which the table, the API and the drawings (timeline, graph, map, CSV,
GraphML) are made from, so that none of them touches the database.

`diffusion_of(practice)` reads it in a bounded number of queries (the practice's origin and
adoptions, and the small tree of places once, for each place's country), `diffusions_of` many
practices' at once; `record_origin` and `record_adoption` are how anything saves one, through
the models' `clean`, all or nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from learnlink.knowledge.diffusion import Adoption as Step
from learnlink.knowledge.diffusion import Diffusion, Origin
from learnlink.knowledge.models import (
    Adoption,
    AdoptionStatus,
    Channel,
    Practice,
    PracticeOrigin,
)
from learnlink.people.models import Place
from learnlink.people.models.places import PlaceKind


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

    def where(self, place_id: int | None) -> tuple[str, str, float | None, float | None]:
        """A place as a drawing needs it: its name, its country, and where it lies (if known)."""
        place = self.by_id.get(place_id) if place_id else None
        if place is None:
            return "", "", None, None
        return (place.name, self.country(place.pk),
                float(place.latitude) if place.latitude is not None else None,
                float(place.longitude) if place.longitude is not None else None)


# What a journey is read from: plain rows, not models, so a thousand practices cost little.
ORIGIN_ROW = ("practice_id", "organisation__name", "place_id", "date")
ADOPTION_ROW = ("practice_id", "pk", "organisation__name", "place_id", "date", "status",
                "channel", "adaptation", "learned_from_id")


def diffusion_of(practice: Practice, places: Places | None = None) -> Diffusion | None:
    """A practice's diffusion (a translation has its original's); None before its origin is
    recorded. Two queries, and the places once unless given."""
    original = practice.original
    origin = PracticeOrigin.objects.filter(practice=original).values_list(*ORIGIN_ROW).first()
    if origin is None:
        return None
    adoptions = list(original.adoptions.order_by("date", "pk").values_list(*ADOPTION_ROW))
    return _journey(original.title, origin, adoptions, places or Places(), _labels())


def diffusions_of(originals: dict[int, str], places: Places) -> dict[int, Diffusion]:
    """The diffusion of each of many original practices (id and title), in two queries
    whatever their number: the network report reads a thousand without asking row by row."""
    origins = {row[0]: row for row in PracticeOrigin.objects
               .filter(practice_id__in=originals).values_list(*ORIGIN_ROW)}
    adoptions: dict[int, list[tuple[Any, ...]]] = {pk: [] for pk in origins}
    for row in (Adoption.objects.filter(practice_id__in=origins).order_by("date", "pk")
                .values_list(*ADOPTION_ROW)):
        adoptions[row[0]].append(row)
    labels = _labels()
    return {pk: _journey(originals[pk], origin, adoptions[pk], places, labels)
            for pk, origin in origins.items()}


def _labels() -> dict[str, str]:
    """The words for each status and channel, in the reader's language."""
    return {value: str(label) for value, label in [*AdoptionStatus.choices, *Channel.choices]}


def _journey(title: str, origin: tuple[Any, ...], adoptions: list[tuple[Any, ...]],
             places: Places, labels: dict[str, str]) -> Diffusion:
    _practice, organisation, place_id, date = origin
    steps = tuple(
        Step(str(pk), name, *places.where(place), day, status, channel, adaptation,
             str(teacher) if teacher else None)
        for _practice, pk, name, place, day, status, channel, adaptation, teacher in adoptions)
    return Diffusion(title, Origin(organisation, *places.where(place_id), date), steps, labels)


def countries(diffusion: Diffusion) -> set[str]:
    """The countries a practice reached, its origin's among them."""
    return {diffusion.origin.country, *(a.country for a in diffusion.adoptions)} - {""}


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
