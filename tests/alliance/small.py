"""A small alliance built by hand, for tests that need people in every role but not the whole
demo: two coordinators, a facilitator, two country teams with one implementer each, and
someone who has an account but takes no part."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from learnlink.alliance.models import Alliance, Cycle, Participant, Partner, Visibility
from learnlink.people.models import Organisation
from tests.conftest import PASSWORD, make_member

DAY = datetime.date


@dataclass
class Small:
    alliance: Alliance
    kenya: Partner
    uganda: Partner
    research: Partner
    coordinator: User
    second_coordinator: User
    facilitator: User
    implementer: User
    other_implementer: User
    outsider: User
    staff: User

    def participant(self, user: User, role: str) -> Participant:
        return Participant.objects.get(alliance=self.alliance, person=user.person, role=role)

    def cycle(self, number: int) -> Cycle:
        return self.alliance.cycles.get(number=number)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        assert client.login(username=user.username, password=PASSWORD)
    return client


def _organisation(name: str, kind: str) -> Organisation:
    return Organisation.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind=kind)


@pytest.fixture
def small(db: None) -> Small:
    alliance = Alliance.objects.create(
        name="Beans Alliance", slug="beans", goal="Sell beans together.",
        start=DAY(2003, 3, 1), end=DAY(2004, 10, 31), visibility=Visibility.PUBLIC)
    research = Partner.objects.create(alliance=alliance, role="research",
                                      organisation=_organisation("Bean Research", "research"))
    kenya = Partner.objects.create(alliance=alliance, role="country_team",
                                   organisation=_organisation("Team Kenya", "ngo"))
    uganda = Partner.objects.create(alliance=alliance, role="country_team",
                                    organisation=_organisation("Team Uganda", "ngo"))
    Cycle.objects.create(alliance=alliance, number=1, start=DAY(2003, 3, 1),
                         end=DAY(2003, 7, 31))
    Cycle.objects.create(alliance=alliance, number=2, start=DAY(2003, 8, 1),
                         end=DAY(2003, 12, 31))
    users = {
        "coordinator": make_member(None, "Cora Coordinator", "cora@example.org"),
        "second_coordinator": make_member(None, "Sam Second", "sam@example.org"),
        "facilitator": make_member(None, "Fiona Facilitator", "fiona@example.org"),
        "implementer": make_member(None, "Ian Implementer", "ian@example.org"),
        "other_implementer": make_member(None, "Olga Other", "olga@example.org"),
        "outsider": make_member(None, "Otto Outsider", "otto@example.org"),
        "staff": make_member("staff", "Stella Staff", "stella@example.org"),
    }
    users["implementer"].person.affiliations.create(organisation=kenya.organisation,
                                                    role="team leader")
    users["other_implementer"].person.affiliations.create(organisation=uganda.organisation,
                                                          role="team leader")
    for key in ("coordinator", "second_coordinator"):
        Participant.objects.create(alliance=alliance, person=users[key].person,
                                   role="coordinator")
    Participant.objects.create(alliance=alliance, person=users["facilitator"].person,
                               role="facilitator")
    Participant.objects.create(alliance=alliance, person=users["implementer"].person,
                               role="implementer", partner=kenya)
    Participant.objects.create(alliance=alliance, person=users["other_implementer"].person,
                               role="implementer", partner=uganda)
    return Small(alliance, kenya, uganda, research, **users)
