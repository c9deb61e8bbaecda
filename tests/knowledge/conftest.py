"""A published practice of Muheza's growers, with its origin and two adoptions, and a draft
written by Halima and coached by Joseph."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import User

from learnlink.exchange.models import Thread
from learnlink.knowledge.journeys import record_adoption, record_origin
from learnlink.knowledge.models import Adoption, Practice, PracticeOrigin
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mentoring.models import Theme
from tests.conftest import email_from


@pytest.fixture
def published(network: dict[str, Any]) -> Practice:
    practice = Practice.objects.create(
        title="Brokering deals with big buyers", summary="A broker found a buyer in Tanga.",
        done="The groups agreed on **three grades**.", results="| crate | TSh |\n|---|---|\n"
        "| before | 1,500 |\n| after | 3,200 |", language="en", place=network["muheza"],
        state="published")
    practice.enterprises.set([network["oranges"]])
    practice.themes.set(Theme.objects.filter(slug="brokering-deals-with-buyers"))
    origin = record_origin(PracticeOrigin(practice=practice, organisation=network["union"],
                                          place=network["muheza"],
                                          date=datetime.date(2003, 6, 1)))
    spies = record_adoption(Adoption(
        practice=practice, organisation=network["spies"], place=network["babati"],
        date=datetime.date(2005, 3, 1), status="adapted", channel="thread",
        adaptation="Rice graded by variety."))
    record_adoption(Adoption(
        practice=practice, organisation=network["growers"], place=network["muheza"],
        date=datetime.date(2006, 1, 1), status="adopted", channel="visit",
        learned_from=spies))
    assert origin.pk
    return practice


@pytest.fixture
def draft(network: dict[str, Any], learner: User, mentor: User) -> Practice:
    practice = Practice.objects.create(
        title="Market spies in Babati", summary="Prices on village billboards.",
        language="en", place=network["babati"], mentor=mentor.person)
    practice.authors.set([learner.person])
    return practice


def posted(group: Any, subject: str) -> Thread:
    """A thread in `group`, from Halima, through the real inbox."""
    message = email_from("halima@example.org", group.address, subject,
                         "We grade them in three sizes before the lorry comes.")
    receive(message.as_bytes(), [group.address], Source.PIPE)
    return group.threads.get(subject=subject)
