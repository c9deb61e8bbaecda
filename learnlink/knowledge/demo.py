"""The knowledge part of `learnlink demo`: the briefing notes' practices, published, each with
where it began and who took it up, loaded after the directory (whose places it gives
coordinates where they have none), and the stories, news and interviews told of them (without
photos: see `demo_stories`). Safe to run again: each practice's diffusion and each
interview's questions are rewritten."""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from django.db import transaction
from django.utils import timezone

from learnlink.knowledge import story_actions
from learnlink.knowledge.demo_practices import COORDINATES, STORIES, SWAHILI
from learnlink.knowledge.demo_practices import Story as PracticeStory
from learnlink.knowledge.demo_stories import PIECES, Piece
from learnlink.knowledge.demo_stories import SWAHILI as SWAHILI_STORY
from learnlink.knowledge.journeys import (
    Places,
    countries,
    diffusion_of,
    record_adoption,
    record_origin,
)
from learnlink.knowledge.models import (
    Adoption,
    Practice,
    PracticeOrigin,
    PracticeState,
    Question,
    Story,
)
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
    pieces = [_piece(piece) for piece in PIECES]
    _translate_story(pieces[0])
    return [f"knowledge: {len(practices)} practices, {adoptions} adoptions across "
            f"{len(reached)} countries; {len(pieces)} stories, news items and interviews"]


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


def _practice(story: PracticeStory, places: dict[str, Place]) -> Practice:
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


def _piece(piece: Piece) -> Story:
    story, _created = Story.objects.update_or_create(
        title=piece.title, translation_of=None, defaults={
            "kind": piece.kind, "date": piece.date, "summary": piece.summary,
            "body": piece.body, "language": "en",
            "author": Person.objects.filter(name=piece.author).first()})
    story.organisations.set(Organisation.objects.filter(name__in=piece.organisations))
    story.practices.set(Practice.objects.filter(title__in=piece.practices,
                                                translation_of=None))
    story.questions.all().delete()
    Question.objects.bulk_create(
        Question(story=story, position=position, question=question, answer=answer)
        for position, (question, answer) in enumerate(piece.questions, start=1))
    story_actions.publish(story)
    return story


def _translate_story(original: Story) -> None:
    title, summary = SWAHILI_STORY
    translation, _created = Story.objects.update_or_create(
        translation_of=original, language="sw", defaults={
            "kind": original.kind, "title": title, "summary": summary, "date": original.date,
            "author": original.author})
    translation.organisations.set(original.organisations.all())
    story_actions.publish(translation)
