"""A small private alliance for tests of plans and tasks that need exact figures, not the
whole demo: two partner teams (Kilulu's growers and Babati's market spies), two cycles, a
coordinator and one implementer per team."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from learnlink.alliance.models import Alliance, Cycle, Guide, Participant, Partner
from tests.conftest import PASSWORD, make_member

D = datetime.date


@dataclass
class Small:
    alliance: Alliance
    growers: Partner
    spies: Partner
    first: Cycle
    second: Cycle
    coordinator: User
    grower: User
    spy: User
    guide: Guide


def make_small(network: dict[str, Any]) -> Small:
    alliance = Alliance.objects.create(
        name="Tanga Orange Alliance", slug="tanga-oranges", goal="Sell oranges together.",
        start=D(2003, 3, 1), end=D(2004, 10, 31))
    growers = Partner.objects.create(alliance=alliance, organisation=network["growers"],
                                     role="country_team")
    spies = Partner.objects.create(alliance=alliance, organisation=network["spies"],
                                   role="country_team")
    first = Cycle.objects.create(alliance=alliance, number=1, start=D(2003, 3, 1),
                                 end=D(2003, 7, 31))
    second = Cycle.objects.create(alliance=alliance, number=2, start=D(2003, 8, 1),
                                  end=D(2003, 12, 31))
    coordinator = make_member("coordinator", "Grace Wanjiku", "grace.wanjiku@example.org")
    grower = make_member("learner", "Halima Omari", "halima@example.org")
    spy = make_member("learner", "Juma Bakari", "juma.bakari@example.org")
    Participant.objects.create(alliance=alliance, person=coordinator.person, role="coordinator")
    Participant.objects.create(alliance=alliance, person=grower.person, role="implementer",
                               partner=growers)
    Participant.objects.create(alliance=alliance, person=spy.person, role="implementer",
                               partner=spies)
    guide = Guide.objects.create(title="Selling together", slug="selling-together")
    for number, title in enumerate(["Form a team", "Find buyers", "Sell together"], start=1):
        guide.steps.create(number=number, title=title)
    return Small(alliance, growers, spies, first, second, coordinator, grower, spy, guide)


def signed_in(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client
