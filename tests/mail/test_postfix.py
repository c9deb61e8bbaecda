"""Behind a real Postfix, configured as docs/deploying.md says (deploy/postfix/main.cf): a
member's mail sent to Postfix reaches our LMTP server, is archived, and its copies leave through
Postfix to the members (a real SMTP relay on loopback stands for the internet); a copy the
internet refuses comes back through Postfix to its bounce address and counts against that
address; mail for a group that does not exist, or too large, is refused while the sender is
still connected, so nobody forged gets a bounce."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings

from learnlink.exchange.models import Message
from learnlink.mail.models import InboundMessage, State
from learnlink.people.models import EmailAddress
from tests.conftest import SQLITE_PASS_ONLY, email_from
from tests.mail.faulty_relay import relay_for_learnlink
from tests.mail.postfix import DEPLOYED, running_postfix, until

pytestmark = SQLITE_PASS_ONLY
HALIMA, JOSEPH, KILULU = "halima@example.org", "joseph.mshana@example.org", \
    "kilulu.growers@example.org"


@pytest.fixture
def mta(settings, mail_server) -> Iterator[SimpleNamespace]:
    """Postfix between the world and Learnlink, both ways: mail in through it to our LMTP
    server, Learnlink's outgoing mail through it to the relay."""
    with relay_for_learnlink(settings) as relay, running_postfix(
            django_settings.LEARNLINK_MAIL_DOMAIN, mail_server.lmtp_port,
            settings.EMAIL_PORT) as postfix:
        settings.EMAIL_PORT = postfix.port
        yield SimpleNamespace(postfix=postfix, relay=relay)


def send(mta, sender: str, to: str, subject: str, body: str) -> None:
    with smtplib.SMTP("127.0.0.1", mta.postfix.port) as client:
        client.send_message(email_from(sender, to, subject, body), sender, [to])


def test_a_post_sent_to_postfix_reaches_the_members_through_postfix(mta, oranges):
    send(mta, HALIMA, oranges.address, "Crates in Tanga",
         "We found strong crates at the Tanga market, 1,500 shillings each.")
    until(lambda: mta.relay.to(JOSEPH) and mta.relay.to(KILULU), "the members' copies",
          within=90)
    [posted] = Message.objects.filter(subject="Crates in Tanga")
    assert b"by mx.learnlink.test (Postfix)" in bytes(posted.inbound.raw), \
        "the archive keeps the raw mail as Postfix handed it over"
    [copy] = mta.relay.to(JOSEPH)
    assert "Tanga market" in copy.message.get_body(("plain",)).get_content()
    assert "by mx.learnlink.test (Postfix)" in str(copy.message["Received"]), \
        "the copy left through Postfix"
    assert copy.mail_from.startswith(f"{oranges.slug}+bounces+")


def test_a_copy_the_internet_refuses_bounces_back_through_postfix(mta, oranges):
    mta.relay.refuse_at_rcpt[KILULU] = "550 5.1.1 <kilulu.growers@example.org>: user unknown"
    send(mta, HALIMA, oranges.address, "Grading", "We grade in three sizes now.")
    record = EmailAddress.objects.get(address=KILULU)
    until(lambda: EmailAddress.objects.get(pk=record.pk).bounce_score > 0,
          "the bounce to reach Learnlink", within=90)
    bounce = InboundMessage.objects.get(recipient__startswith=f"{oranges.slug}+bounces+")
    assert (bounce.state, bounce.reason) == (State.DONE, f"hard bounce for {KILULU}")
    assert mta.relay.to(JOSEPH), "the others got theirs"


def test_a_group_that_does_not_exist_is_refused_while_the_sender_waits(mta, oranges):
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(mta, HALIMA, f"no-such-group@{django_settings.LEARNLINK_MAIL_DOMAIN}",
             "Hello", "Anyone?")
    [(code, _text)] = refused.value.recipients.values()
    assert code == 550
    assert not InboundMessage.objects.exists()


def test_the_documented_lines_are_the_tested_ones():
    """docs/mail.md shows deploy/postfix/main.cf's settings, which these tests run."""
    shown = (DEPLOYED.parents[2] / "docs" / "mail.md").read_text()
    settings_lines = [line for line in DEPLOYED.read_text().splitlines()
                      if line.strip() and not line.startswith("#")]
    assert settings_lines and all(line in shown for line in settings_lines)
