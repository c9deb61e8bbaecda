"""Fixtures of the contract tests: Muheza's orange growers' group, whose learner organisations
are Kilulu Orange Growers (a member itself: its chairperson Mwanaisha, who reads English, and
Halima, a learner in person, who reads Kiswahili first) and Babati Market Spies (Daudi, a
learner in person); Joseph mentors it. The contract is drafted and offered through the same
functions the pages call."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from learnlink.exchange.membership import add_member
from learnlink.mentoring.contracts import actions
from learnlink.mentoring.models import Contract, ContractOffer
from tests.conftest import email_from, make_person

CHAIR = "kilulu.growers@example.org"
HALIMA = "halima@example.org"
DAUDI = "daudi.tlatla@example.net"
JOSEPH = "joseph.mshana@example.org"


@pytest.fixture
def people(network: dict[str, Any], oranges: Any, learner: Any, mentor: Any) -> SimpleNamespace:
    halima = learner.person
    halima.languages = "sw, en"
    halima.save(update_fields=["languages"])
    halima.affiliations.create(organisation=network["growers"], role="member")
    daudi = make_person("Daudi Tlatla", DAUDI, network["spies"], "market spy")
    add_member(oranges, DAUDI)
    return SimpleNamespace(group=oranges, chair=network["chair"], halima=halima, daudi=daudi,
                           joseph=mentor.person, growers=network["growers"],
                           spies=network["spies"], mentor=mentor, learner=learner)


def terms(days_ago: int = 10) -> actions.Terms:
    starts = timezone.localdate() - datetime.timedelta(days=days_ago)
    return actions.Terms("Learning contract 2026", starts, starts + datetime.timedelta(days=364),
                         actions.default_commitments())


@pytest.fixture
def contract(people: SimpleNamespace) -> Contract:
    return actions.draft(people.group, terms(), people.joseph)


@pytest.fixture
def offers(contract: Contract, people: SimpleNamespace) -> dict[str, ContractOffer]:
    """The two organisations' offers, by organisation name."""
    return {o.organisation.name: o for o in actions.offer(contract, people.joseph)}


def reply(mail_server: Any, to: str, body: str, sender: str, **headers: str) -> Any:
    """A reply sent over LMTP to our running server; the inbound row it made."""
    from learnlink.mail.models import InboundMessage

    mail_server.send(email_from(sender, to, "Re: A learning contract", body, **headers), to)
    return InboundMessage.objects.filter(recipient=to).latest("pk")
