"""Refusing what cannot be true of a practice's journey, with a sentence a form can show."""

from __future__ import annotations

import dataclasses
import datetime

from django.utils import translation

from learnlink.knowledge.diffusion import Diffusion, problems
from tests.knowledge.diffusion.stories import STORIES, WAREHOUSE_RECEIPTS


def changed(diffusion: Diffusion, key: str, **fields: object) -> Diffusion:
    adoptions = tuple(dataclasses.replace(adoption, **fields) if adoption.key == key
                      else adoption for adoption in diffusion.adoptions)
    return dataclasses.replace(diffusion, adoptions=adoptions)


def test_the_briefing_notes_stories_have_no_problem():
    assert [problems(story) for story in STORIES] == [[], [], []]


def test_an_adoption_dated_before_the_origin_is_refused():
    early = changed(WAREHOUSE_RECEIPTS, "babati", date=datetime.date(2005, 1, 1))
    assert problems(early) == [
        "Babati Rice Farmers' Cooperative (Babati) is dated 2005-01-01, before the practice "
        "began at Mbonzo Cooperative on 2006-07-01."]


def test_a_cycle_of_learned_from_is_refused_once_with_its_steps():
    circle = changed(WAREHOUSE_RECEIPTS, "babati", learned_from="soroti")
    assert problems(circle) == [
        "“Learned from” goes round in a circle: Babati Rice Farmers' Cooperative (Babati) → "
        "Abuket sweet potato association (Soroti) → Babati Rice Farmers' Cooperative (Babati). "
        "Each adopter must lead back to the origin."]


def test_an_adopter_that_learned_from_itself_is_a_cycle_too():
    own = changed(WAREHOUSE_RECEIPTS, "babati", learned_from="babati")
    assert len(problems(own)) == 1
    assert "circle: Babati Rice Farmers' Cooperative (Babati) → Babati" in problems(own)[0]


def test_learning_from_an_unknown_adoption_is_refused():
    unknown = changed(WAREHOUSE_RECEIPTS, "soroti", learned_from="bushenyi")
    assert problems(unknown) == [
        "Abuket sweet potato association (Soroti) learned from “bushenyi”, which is not an "
        "adoption of this practice."]


def test_every_problem_is_returned_at_once():
    both = changed(changed(WAREHOUSE_RECEIPTS, "babati", learned_from="soroti",
                           date=datetime.date(2001, 1, 1)), "soroti", learned_from="babati")
    worse = dataclasses.replace(both, adoptions=(*both.adoptions, dataclasses.replace(
        both.adoptions[0], key="mbonzo", learned_from="nobody")))
    found = problems(worse)
    assert len(found) == 4
    assert [problem.split(" ")[-1] for problem in found[-2:]] == ["practice.", "origin."]


def test_a_problem_is_told_in_the_readers_language():
    early = changed(WAREHOUSE_RECEIPTS, "babati", date=datetime.date(2005, 1, 1))
    with translation.override("sw"):
        (problem,) = problems(early)
    assert problem.startswith("Babati Rice Farmers' Cooperative (Babati) ina tarehe 2005-01-01, "
                              "kabla mbinu haijaanza")
