"""Who sees an alliance: anyone for a public one; for a private one, the people of its partners,
its participants, the network's coordinators and staff. Nobody else learns it exists."""

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from learnlink.alliance.models import Alliance, Participant, Partner, Visibility
from learnlink.alliance.permissions import is_coordinator, is_insider
from tests.conftest import PASSWORD, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance(network: dict[str, Any]) -> Alliance:
    alliance = Alliance.objects.create(
        name="Tanga Orange Alliance", slug="tanga-oranges", goal="Sell oranges together.",
        start=datetime.date(2003, 3, 1), end=datetime.date(2004, 10, 31))
    Partner.objects.create(alliance=alliance, organisation=network["growers"],
                           role="community_organisation")
    return alliance


def signed_in(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_a_private_alliance_is_listed_only_to_those_who_take_part(
        alliance: Alliance, network: dict[str, Any], outsider: User, coordinator: User) -> None:
    grower = make_member("learner", "Rehema Juma", "rehema@example.org")
    grower.person.affiliations.create(organisation=network["growers"], role="member")
    assert Client().get("/api/alliances").json() == {"items": []}
    assert signed_in(outsider).get("/api/alliances").json() == {"items": []}
    assert signed_in(outsider).get("/api/alliances/tanga-oranges").status_code == 404
    for user in (grower, coordinator):
        assert signed_in(user).get("/api/alliances").json() == {
            "items": [{"slug": "tanga-oranges", "name": "Tanga Orange Alliance"}]}


def test_a_public_alliance_shows_its_goal_and_partners_to_anyone(alliance: Alliance) -> None:
    alliance.visibility = Visibility.PUBLIC
    alliance.save()
    found = Client().get("/api/alliances/tanga-oranges").json()
    assert found["goal"] == "Sell oranges together."
    assert found["partners"] == [{"organisation": "Kilulu Orange Growers",
                                  "role": "community_organisation"}]


def test_only_its_own_coordinators_run_an_alliance(alliance: Alliance, learner: User,
                                                   coordinator: User, staff: User) -> None:
    assert not is_coordinator(coordinator, alliance)  # the network role alone is not enough
    Participant.objects.create(alliance=alliance, person=coordinator.person, role="coordinator")
    Participant.objects.create(alliance=alliance, person=learner.person, role="implementer")
    assert is_coordinator(coordinator, alliance) and is_coordinator(staff, alliance)
    assert not is_coordinator(learner, alliance)
    assert is_insider(learner, alliance)
