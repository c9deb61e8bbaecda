"""Mail that asks for an answer is limited per sender address and per envelope sender (issue
14, item 8): email commands (also "unsubscribe" sent to the group), search@ and get@, and
SLUG-owner@ and our notices' address. Past the limit the sender is told once, then nothing is
answered, and the inbound row says why. Over real LMTP, read from the real SMTP sink.
"""

from __future__ import annotations

from typing import Any

import pytest

from learnlink.exchange.models import PendingChange
from learnlink.mail.models import InboundMessage, State
from tests.conftest import email_from
from tests.exchange.test_email_commands import DAUDI, DOMAIN, HALIMA, command

SEARCH, OWNER = f"search@{DOMAIN}", f"muheza-oranges-owner@{DOMAIN}"
JOSEPH = "joseph.mshana@example.org"
TOLD = "You sent many requests in a short time: the next ones in the coming 60 minutes will " \
       "not be answered."


@pytest.fixture
def low_limits(settings: Any) -> None:
    settings.LEARNLINK_LIMITS = {**settings.LEARNLINK_LIMITS, "command": (3, 5, 3600),
                                 "search": (2, 5, 3600), "contact": (2, 5, 3600)}


def test_commands_past_the_limit_are_told_once_then_not_answered(mail_server, oranges,
                                                                 smtp_sink, low_limits):
    for _ in range(6):
        command(mail_server, "help")
    answers = smtp_sink.to(HALIMA)
    assert len(answers) == 4
    assert TOLD in answers[3].get_content()
    refused = InboundMessage.objects.filter(state=State.REJECTED)
    assert refused.count() == 3
    assert "over the limit of 3 an hour" in refused.first().reason


def test_forged_commands_for_many_members_from_one_envelope_stop_at_the_envelopes_limit(
        mail_server, oranges, smtp_sink, low_limits):
    victims = [f"member{n}@example.org" for n in range(8)]
    for victim in victims:
        to = f"muheza-oranges+unsubscribe@{DOMAIN}"
        mail_server.send(email_from(victim, to, "", "\n"), to, sender="bulk@attacker.example")
    answered = [victim for victim in victims if smtp_sink.to(victim)]
    assert len(answered) == 6, "five within the limit, and one told"
    assert smtp_sink.to(victims[5])[0].get_content().count(TOLD) == 1
    assert not PendingChange.objects.exists()


def test_unsubscribe_sent_to_the_group_counts_as_a_command(mail_server, oranges, smtp_sink,
                                                           low_limits):
    group = f"muheza-oranges@{DOMAIN}"
    for _ in range(5):
        mail_server.send(email_from(HALIMA, group, "unsubscribe", "\n"), group)
    assert len(smtp_sink.to(HALIMA)) == 4


def test_searches_past_the_limit_are_told_once_then_not_answered(mail_server, oranges,
                                                                 smtp_sink, low_limits):
    for word in ("oranges", "grading", "buyers", "prices"):
        mail_server.send(email_from(HALIMA, SEARCH, word, ""), SEARCH)
    answers = smtp_sink.to(HALIMA)
    assert len(answers) == 3
    assert TOLD in answers[2].get_content()


def test_mail_to_the_mentors_address_is_limited(mail_server, oranges, smtp_sink, low_limits):
    for n in range(4):
        mail_server.send(email_from(DAUDI, OWNER, f"Question {n}", "Hello\n"), OWNER)
    assert len(smtp_sink.to(JOSEPH)) == 2
