"""Fixtures of the agenda tests: Muheza's orange growers' group, where Halima (a learner on
her own), two people of Kilulu's growers (a member organisation: one vote between them), an
observer and Joseph, the mentor, set the agenda."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import User

from learnlink.exchange.membership import add_member
from learnlink.mentoring.agenda import actions
from learnlink.mentoring.models import Topic
from tests.conftest import make_member

KILULU_CHAIR = "kilulu.growers@example.org"
ATHUMANI = "athumani.kaniki@example.net"
OBSERVER = "neema.lyimo@example.org"


def account_for(person: Any) -> User:
    """An account for someone the directory already knows."""
    address = person.email_addresses.get().address
    user = User.objects.create_user(username=address, email=address, password="x" * 20)
    person.user = user
    person.save(update_fields=["user"])
    return user


@pytest.fixture
def people(network: dict[str, Any], oranges: Any, learner: User, mentor: User,
           outsider: User) -> SimpleNamespace:
    athumani = make_member(None, "Athumani Kaniki", ATHUMANI)
    athumani.person.affiliations.create(organisation=network["growers"], role="member")
    observer = make_member(None, "Neema Lyimo", OBSERVER)
    add_member(oranges, OBSERVER, role="observer")
    return SimpleNamespace(group=oranges, learner=learner, mentor=mentor, outsider=outsider,
                           athumani=athumani, chair=account_for(network["chair"]),
                           observer=observer, growers=network["growers"])


def proposed(people: SimpleNamespace, title: str = "Selling to the Tanga juice factory") -> Topic:
    return actions.propose(people.group, people.learner.person, title,
                           "How do we agree on a price for a whole season?")
