""""subscribe", "unsubscribe" and "help" sent to a group's own address (in English, Kiswahili
or French) are commands, answered as if sent to SLUG+subscribe@ and the others: not posts held
for a moderator (Mailman's administrivia check). A real post that only starts with such a word
is still a post. Over real LMTP in, with the worker running, the answers read from the sink.
"""

from __future__ import annotations

from typing import Any

import pytest

from learnlink.exchange.models import HeldMessage, Message, PendingChange, Subscription
from learnlink.mail.models import InboundMessage
from tests.conftest import email_from
from tests.exchange.test_email_commands import DAUDI, DOMAIN, HALIMA, is_member

GROUP = f"muheza-oranges@{DOMAIN}"

pytestmark = pytest.mark.usefixtures("our_mta")


def to_group(mail_server: Any, sender: str, subject: str, body: str = "\n") -> None:
    mail_server.send(email_from(sender, GROUP, subject, body), GROUP)


@pytest.mark.parametrize(("subject", "body"), [
    ("subscribe", ""),
    ("Subscribe!", "Sent from my phone\n"),
    ("", "jiunge\n"),
    ("Jisajili", "Asante, Daudi\n"),
    ("S’abonner", ""),
    ("", "Je voudrais... \nabonnement\n"),
])
def test_a_stranger_writing_subscribe_to_the_group_is_asked_to_confirm_joining(
        mail_server, oranges, smtp_sink, subject, body):
    to_group(mail_server, DAUDI, subject, body or "\n")
    assert not HeldMessage.objects.exists(), "not held for a moderator"
    assert not Message.objects.exists()
    [ask] = smtp_sink.to(DAUDI)
    assert str(ask["Subject"]) == "Confirm: join Muheza orange growers"
    token = Subscription.objects.get(address=DAUDI).token
    assert str(ask["Reply-To"]) == f"muheza-oranges+confirm+{token}@{DOMAIN}"
    assert "command subscribe" in InboundMessage.objects.get().reason


@pytest.mark.parametrize("word", ["unsubscribe", "Jiondoe", "se désabonner", "Désabonner."])
def test_a_member_writing_unsubscribe_to_everyone_is_asked_to_confirm_leaving(
        mail_server, oranges, smtp_sink, word):
    to_group(mail_server, f"Halima Omari <{HALIMA}>", word)
    assert not Message.objects.exists(), "nobody else receives her unsubscribe"
    assert is_member(HALIMA)
    assert PendingChange.objects.get().change == "leave"
    assert str(smtp_sink.to(HALIMA)[0]["Subject"]) == "Confirm: leave Muheza orange growers"


@pytest.mark.parametrize("word", ["help", "Msaada", "aide"])
def test_help_to_the_group_gets_the_commands_and_says_it_was_not_posted(
        mail_server, oranges, smtp_sink, word):
    to_group(mail_server, DAUDI, word)
    [answer] = smtp_sink.to(DAUDI)
    text = answer.get_content()
    assert "Your mail was read as a command, so it was not sent to the group." in text
    assert f"muheza-oranges+unsubscribe@{DOMAIN}: leave the group" in text
    assert not HeldMessage.objects.exists()


@pytest.mark.parametrize(("subject", "body"), [
    ("Help", "Our oranges drop before they ripen. Who has seen this black spot before?\n"),
    ("Unsubscribe from the buyer's list?", "Mr Juma wants us off his list.\n"),
    ("Grading", "Help\nwith grading would be welcome: who can come on Saturday to Kilulu?\n"),
    ("Join?", "Hi\n"),
    ("Leave", "Away until Monday.\n"),
])
def test_a_real_post_that_mentions_a_command_word_is_a_post(mail_server, oranges, smtp_sink,
                                                            subject, body):
    to_group(mail_server, f"Halima Omari <{HALIMA}>", subject, body)
    assert Message.objects.filter(subject=subject).exists()
    assert is_member(HALIMA)
    assert not PendingChange.objects.exists()
