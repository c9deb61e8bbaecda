"""The knowledge part of `learnlink demo`: the briefing notes' practices, published, each with
where it began and who took it up, loaded after the directory (whose places it gives
coordinates where they have none). Safe to run again: each practice's diffusion is rewritten."""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from django.db import transaction
from django.utils import timezone

from learnlink.knowledge.demo_practices import COORDINATES, STORIES, SWAHILI, Story
from learnlink.knowledge.journeys import (
    Places,
    countries,
    diffusion_of,
    record_adoption,
    record_origin,
)
from learnlink.knowledge.models import Adoption, Practice, PracticeOrigin, PracticeState
from learnlink.mentoring.models import Theme
from learnlink.people.directory_format import split_place
from learnlink.people.directory_writer import Enterprises, PlaceTree
from learnlink.people.models import Organisation, Person, Place

MENTOR = "Zuhura Shemdoe"


@transaction.atomic
def load_demo() -> list[str]:
    places = _located_places()
    practices = [_practice(story, places) for story in STORIES]
    _translate(practices[0])
    tree = Places()
    journeys = [found for p in practices if (found := diffusion_of(p, tree))]
    adoptions = sum(len(journey.adoptions) for journey in journeys)
    reached = set().union(*(countries(journey) for journey in journeys))
    return [f"knowledge: {len(practices)} practices, {adoptions} adoptions across "
            f"{len(reached)} countries"]


def _located_places() -> dict[str, Place]:
    """The demo's places by path, created where the directory lacks them, each given its
    coordinates unless it has some already."""
    tree, found = PlaceTree(), {}
    for path, (latitude, longitude) in COORDINATES.items():
        place = cast(Place, tree.place(split_place(path)))  # a path is never empty here
        if place.latitude is None or place.longitude is None:
            place.latitude, place.longitude = Decimal(str(latitude)), Decimal(str(longitude))
            place.save(update_fields=["latitude", "longitude"])
        found[path] = place
    return found


def _practice(story: Story, places: dict[str, Place]) -> Practice:
    name, path, date = story.origin
    origin_organisation = Organisation.objects.get(name=name)
    practice, _created = Practice.objects.update_or_create(
        title=story.title, translation_of=None, defaults={
            "summary": story.summary, "problem": story.problem, "done": story.done,
            "results": story.results, "lessons": story.lessons, "language": "en",
            "place": places[path], "state": PracticeState.PUBLISHED,
            "mentor": Person.objects.filter(name=MENTOR).first()})
    if practice.published is None:
        practice.published = timezone.now()
        practice.save(update_fields=["published"])
    practice.enterprises.set(Enterprises().named(story.enterprises))
    practice.themes.set(Theme.objects.filter(slug__in=story.themes))
    practice.organisations.set([origin_organisation])
    practice.authors.set(Person.objects.filter(
        affiliations__organisation=origin_organisation).order_by("pk")[:1])
    Adoption.objects.filter(practice=practice).delete()
    PracticeOrigin.objects.filter(practice=practice).delete()
    record_origin(PracticeOrigin(practice=practice, organisation=origin_organisation,
                                 place=places[path], date=date))
    taken: dict[str, Adoption] = {}
    for took in story.adoptions:
        taken[took.organisation] = record_adoption(Adoption(
            practice=practice, organisation=Organisation.objects.get(name=took.organisation),
            place=places[took.place], date=took.date, status=took.status,
            channel=took.channel, adaptation=took.adaptation,
            learned_from=taken.get(took.learned_from)))
    return practice


def _translate(original: Practice) -> None:
    title, summary = SWAHILI
    translation, _created = Practice.objects.update_or_create(
        translation_of=original, language="sw", defaults={
            "title": title, "summary": summary, "place": original.place,
            "state": PracticeState.PUBLISHED, "published": original.published,
            "mentor": original.mentor})
    translation.enterprises.set(original.enterprises.all())
    translation.themes.set(original.themes.all())
