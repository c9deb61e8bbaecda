"""A practice's journey read from the database into the diffusion package's plain records
(`knowledge.diffusion`), which the table, the API and the drawings (timeline, graph, map, CSV,
GraphML) are made from, so that none of them touches the database.

`diffusion_of(practice)` reads it in a bounded number of queries (the practice's origin and
adoptions, and the small tree of places once, for each place's country); `record_origin` and
`record_adoption` are how anything saves one, through the models' `clean`, all or nothing.
"""

from __future__ import annotations

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


def diffusion_of(practice: Practice, places: Places | None = None) -> Diffusion | None:
    """A practice's diffusion (a translation has its original's); None before its origin is
    recorded. Three queries, and the places once unless given."""
    original = practice.original
    origin = (PracticeOrigin.objects.select_related("organisation")
              .filter(practice=original).first())
    if origin is None:
        return None
    adoptions = original.adoptions.select_related("organisation").order_by("date", "pk")
    return _journey(original.title, origin, list(adoptions), places or Places())


def diffusions_of(originals: dict[int, str], places: Places) -> dict[int, Diffusion]:
    """The diffusion of each of many original practices (id and title), in two queries
    whatever their number: the network report reads a thousand without asking row by row."""
    origins = {o.practice_id: o for o in PracticeOrigin.objects.select_related("organisation")
               .filter(practice_id__in=originals)}
    adoptions: dict[int, list[Adoption]] = {pk: [] for pk in origins}
    for adoption in (Adoption.objects.select_related("organisation")
                     .filter(practice_id__in=origins).order_by("date", "pk")):
        adoptions[adoption.practice_id].append(adoption)
    return {pk: _journey(originals[pk], origin, adoptions[pk], places)
            for pk, origin in origins.items()}


def _journey(title: str, origin: PracticeOrigin, adoptions: list[Adoption],
             places: Places) -> Diffusion:
    steps = tuple(
        Step(str(a.pk), a.organisation.name, *places.where(a.place_id), a.date, a.status,
             a.channel, a.adaptation, str(a.learned_from_id) if a.learned_from_id else None)
        for a in adoptions)
    labels = {value: str(label)
              for value, label in [*AdoptionStatus.choices, *Channel.choices]}
    return Diffusion(title, Origin(origin.organisation.name, *places.where(origin.place_id),
                                   origin.date), steps, labels)


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
