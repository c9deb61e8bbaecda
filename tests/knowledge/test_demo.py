"""The demo's practices: the briefing notes' stories, placed on the map, loaded twice alike."""

from __future__ import annotations

import pytest

from learnlink.knowledge.demo import load_demo as load_knowledge
from learnlink.knowledge.journeys import diffusion_of
from learnlink.knowledge.maps import country_at
from learnlink.knowledge.models import Adoption, Practice
from learnlink.people.demo import load_demo


@pytest.mark.django_db
def test_the_demo_practices_travel_across_east_africa_and_load_again_alike():
    load_demo()

    assert load_knowledge() == ["knowledge: 7 practices, 16 adoptions across 3 countries; 6 stories, news items and interviews"]
    assert load_knowledge() == ["knowledge: 7 practices, 16 adoptions across 3 countries; 6 stories, news items and interviews"]

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
