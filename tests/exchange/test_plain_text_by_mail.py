"""A member on a metered connection chooses plain text digests by mail alone: `plain` to
SLUG+plain@ or written to SLUG-request@ (in English, Kiswahili or French), and `html` to have
the formatting back; the next digest that reaches the real SMTP sink has one text/plain part.
"""

from __future__ import annotations

from typing import Any

import pytest

from learnlink.exchange.digests import send_due
from learnlink.exchange.models import Membership
from tests.exchange.test_digests import JOSEPH, arrives, at, digests_to
from tests.exchange.test_email_commands import command

pytestmark = pytest.mark.usefixtures("our_mta")


@pytest.fixture
def joseph_reads_digests(oranges: Any) -> Any:
    Membership.objects.filter(group=oranges, person__name="Joseph Mshana").update(mode="daily")
    return oranges


def plain_text(address: str = JOSEPH) -> bool:
    return Membership.objects.get(group__slug="muheza-oranges",
                                  person__email_addresses__address=address).plain_text


@pytest.mark.parametrize(("word", "subject"), [
    ("plain", ""), ("", "plain text"), ("", "Maandishi matupu"), ("", "Texte brut")])
def test_plain_by_mail_makes_the_next_digest_one_text_part(mail_server, joseph_reads_digests,
                                                           mailboxes, word, subject):
    command(mail_server, word, sender=f"Joseph Mshana <{JOSEPH}>", subject=subject)
    [answer] = mailboxes.of(JOSEPH)
    assert "From now on you receive: digests as plain text only." in answer.get_content()
    arrives(mail_server, at(3, 9), "Crates for Tanga")
    assert len(send_due(at(3, 18))) == 1
    [digest] = digests_to(mailboxes)
    assert not digest.is_multipart()
    assert digest.get_content_type() == "text/plain"
    assert "Crates for Tanga" in digest.get_content()


def test_html_by_mail_brings_the_formatting_back(mail_server, joseph_reads_digests,
                                                 mailboxes):
    command(mail_server, "plain", sender=JOSEPH)
    command(mail_server, "html", sender=JOSEPH)
    assert not plain_text()
    arrives(mail_server, at(3, 9), "Crates for Tanga")
    send_due(at(3, 18))
    [digest] = digests_to(mailboxes)
    assert digest.get_content_type() == "multipart/alternative"


def test_plain_from_an_unverified_sender_waits_for_the_members_confirmation(
        mail_server, joseph_reads_digests, mailboxes):
    command(mail_server, "plain", sender=JOSEPH, Authentication_Results="mx.other; none")
    assert not plain_text()
    [ask] = mailboxes.of(JOSEPH)
    assert "asked from this address to receive digests as plain text only" in (
        ask.get_content().replace("\r\n", " ").replace("\n", " "))


def test_the_help_reply_lists_plain_and_html(mail_server, oranges, smtp_sink):
    command(mail_server, "help")
    [answer] = smtp_sink.to("halima@example.org")
    text = answer.get_content()
    assert "muheza-oranges+plain@learnlink.localhost: digests as plain text only" in text
    assert "muheza-oranges+html@learnlink.localhost" in text
