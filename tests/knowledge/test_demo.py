"""The demo's practices: the briefing notes' stories, placed on the map, loaded twice alike;
and the pieces told of them, about the directory's organisations."""

from __future__ import annotations

import pytest

from learnlink.knowledge.demo import load_demo as load_knowledge
from learnlink.knowledge.demo_stories import PIECES
from learnlink.knowledge.journeys import diffusion_of
from learnlink.knowledge.maps import country_at
from learnlink.knowledge.models import Adoption, Practice, Story
from learnlink.people.demo import load_demo


@pytest.mark.django_db
def test_the_demo_practices_travel_across_east_africa_and_load_again_alike():
    load_demo()

    loaded = ["knowledge: 7 practices, 16 adoptions across 3 countries; "
              "6 stories, news items and interviews"]
    assert load_knowledge() == loaded
    assert load_knowledge() == loaded

    receipts = Practice.objects.get(title="Warehouse receipts")
    soroti = Adoption.objects.get(practice=receipts, organisation__name__startswith="Teso")
    assert soroti.learned_from.organisation.name == "Babati Rice Farmers Association"
    assert "built their own system" in soroti.adaptation
    for practice in Practice.objects.filter(translation_of=None):
        found = diffusion_of(practice)
        for step in [found.origin, *found.adoptions]:
            assert step.latitude is not None and step.longitude is not None, (practice, step)
            assert country_at(step.latitude, step.longitude) == step.country, (
                "each dot lies inside its country's outline", step)
    swahili = Practice.objects.get(language="sw")
    assert swahili.translation_of.title == "Brokering deals with big buyers"


@pytest.mark.django_db
def test_the_demo_stories_are_published_about_the_directorys_organisations():
    load_demo()
    load_knowledge()

    for piece in PIECES:
        story = Story.objects.get(title=piece.title)
        assert story.is_public and story.author and story.author.name == piece.author
        assert story.organisations.count() == len(piece.organisations), piece.title
        assert story.practices.count() == len(piece.practices), piece.title
    interview = Story.objects.get(kind="interview")
    assert interview.questions.count() == 4 and not Story.objects.exclude(photo=None).exists()
    assert Story.objects.get(language="sw").translation_of.title == PIECES[0].title
