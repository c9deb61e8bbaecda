"""Fixtures of the introduction tests: Babati's rice farmers, who want to learn, Kilulu's
orange growers, who did it, the message that shows it, and the relay's mail sorted by
envelope recipient."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from learnlink.exchange.models import Message
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mentoring.introductions.evidence import resolve_evidence
from learnlink.mentoring.introductions.sending import introduce
from learnlink.mentoring.models import Introduction
from learnlink.people.models import Affiliation, Organisation, Person
from tests.conftest import Sink, email_from, make_person
from tests.exchange.conftest import Mailboxes

BURA = "joseph.bura@example.net"  # Babati's rice farmers: they want to learn
KILULU = "kilulu.growers@example.org"  # Kilulu's orange growers: they did it
JOSEPH = "joseph.mshana@example.org"  # the mentor
HALIMA = "halima@example.org"  # a learner, of Kilulu's growers
CONTEXT = ("Babati wants to grade its rice before the trader comes. Kilulu grades its oranges "
           "in three sizes before the lorry: ask them how they agreed on the sizes.")


@pytest.fixture
def mailboxes(smtp_sink: Sink) -> Mailboxes:
    boxes = Mailboxes(smtp_sink)
    smtp_sink.handle_DATA = boxes.handle_DATA  # type: ignore[method-assign]
    return boxes


def mail_to(mailboxes: Mailboxes, address: str, subject: str = "Introduction:") -> list[Any]:
    """The introduction mail `address` received (a group's posts left out)."""
    return [copy for copy in mailboxes.of(address) if str(copy["Subject"]).startswith(subject)]


def post(to: str, subject: str, body: str, sender: str = HALIMA) -> Message:
    receive(email_from(sender, to, subject, body).as_bytes(), [to], Source.PIPE)
    return Message.objects.get(subject=subject)


@pytest.fixture
def sides(network: dict[str, Any], oranges: Any, learner: Any, mentor: Any) -> SimpleNamespace:
    """Babati's rice farmers (Joseph Bura, who reads Kiswahili and English), Kilulu's orange
    growers (their chairperson, and Halima, a learner, as a member), and Halima's message in
    the public orange group on how they grade."""
    rice = Organisation.objects.create(
        name="Babati Rice Farmers Association", slug="babati-rice-farmers-association",
        kind="association", place=network["babati"])
    bura = make_person("Joseph Bura", BURA, rice, "chairperson", languages="sw, en")
    growers = network["growers"]
    Affiliation.objects.create(person=learner.person, organisation=growers, role="member")
    message = post(oranges.address, "Grading oranges",
                   "We grade them in three sizes before the lorry comes.\n")
    return SimpleNamespace(
        rice=rice, growers=growers, bura=bura, chair=network["chair"], group=oranges,
        message=message, thread=message.thread, mentor=mentor, learner=learner,
        seeker=Affiliation.objects.get(person=bura),
        peer=Affiliation.objects.get(person=network["chair"]))


def introduced(sides: SimpleNamespace, introducer: Person | None = None) -> Introduction:
    """Joseph Mshana introduces Babati's rice farmers to Kilulu's growers, from the thread."""
    return introduce(introducer or sides.mentor.person, sides.seeker, sides.peer, CONTEXT,
                     resolve_evidence(sides.message.get_absolute_url()), sides.thread)
