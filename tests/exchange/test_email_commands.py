"""Everything a member does on the web can be done by email alone: the command addresses.

Proves, over real LMTP in and a real SMTP relay out, that each command (SLUG+each@, +digest@,
+weekly@, +monthly@, +nomail@, +help@, +subscribe@, +unsubscribe@ and the words written to
SLUG-request@) does what it says and is answered by mail; that subscribing takes the address's
own confirmation (double opt-in: by the link or by replying), while a mentor adds members
directly; that a stranger's command changes nothing and says so; and that an auto-reply to a
command address is quarantined unanswered, so two robots never talk.
"""

from __future__ import annotations

import datetime
import email.utils
import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from learnlink.exchange.membership import add_member
from learnlink.exchange.models import Membership, Subscription
from learnlink.mail.models import InboundMessage, Outgoing, State
from learnlink.people.models import EmailAddress
from tests.conftest import email_from
from tests.exchange.conftest import OUR_MTA
from tests.exchange.test_list_delivery import post

DOMAIN = "learnlink.localhost"
REQUEST = f"muheza-oranges-request@{DOMAIN}"
HALIMA, DAUDI, CHAIR = "halima@example.org", "daudi@example.net", "kilulu.growers@example.org"
pytestmark = pytest.mark.usefixtures("our_mta")


def verified(sender: str) -> str:
    """The Authentication-Results our MTA writes when the sender's domain vouched for it."""
    domain = email.utils.parseaddr(sender)[1].rpartition("@")[2]
    return f"{OUR_MTA}; dkim=pass header.d={domain}; dmarc=pass header.from={domain}"


def command(mail_server: Any, word: str, sender: str = f"Halima Omari <{HALIMA}>",
            subject: str = "", body: str = "", **headers: str) -> str:
    """An email to SLUG+WORD@ (or to SLUG-request@ when `word` is empty), as a phone sends it,
    through an MTA that verified the sender (test_forged_commands covers the other case)."""
    to = f"muheza-oranges+{word}@{DOMAIN}" if word else REQUEST
    headers.setdefault("Authentication_Results", verified(sender))
    mail_server.send(email_from(sender, to, subject, body or "\n", **headers), to)
    return to


def mode_of(address: str) -> str:
    return Membership.objects.get(group__slug="muheza-oranges",
                                  person__email_addresses__address=address).mode


def is_member(address: str) -> bool:
    return Membership.objects.filter(group__slug="muheza-oranges",
                                     person__email_addresses__address=address).exists()


@pytest.mark.parametrize(("word", "mode", "label"), [
    ("digest", "daily", "daily digest"),
    ("daily", "daily", "daily digest"),
    ("weekly", "weekly", "weekly digest"),
    ("monthly", "monthly", "monthly digest"),
    ("nomail", "none", "web only"),
])
def test_a_mode_command_changes_delivery_and_is_answered(mail_server, oranges, smtp_sink,
                                                         word, mode, label):
    command(mail_server, word)
    assert mode_of(HALIMA) == mode
    [answer] = smtp_sink.to(HALIMA)
    assert str(answer["Subject"]) == "Muheza orange growers: your delivery is changed"
    assert f"From now on you receive: {label}." in answer.get_content()
    assert "/membership/" in answer.get_content(), "with the link to change it again"
    assert answer["From"].addresses[0].addr_spec == REQUEST
    assert str(answer["Auto-Submitted"]) == "auto-replied"


def test_each_brings_a_digest_reader_back_to_every_message(mail_server, oranges, smtp_sink):
    Membership.objects.filter(person__email_addresses__address=HALIMA).update(mode="weekly")
    command(mail_server, "each")
    assert mode_of(HALIMA) == "each"
    assert "From now on you receive: each message." in smtp_sink.to(HALIMA)[0].get_content()


def test_subscribing_asks_the_address_to_confirm_first(mail_server, oranges, smtp_sink):
    command(mail_server, "subscribe", sender=f"Daudi Mbwana <{DAUDI}>")
    assert not EmailAddress.objects.filter(address=DAUDI).exists(), "nobody is a member yet"
    [ask] = smtp_sink.to(DAUDI)
    assert str(ask["Subject"]) == "Confirm: join Muheza orange growers"
    token = Subscription.objects.get(address=DAUDI).token
    assert str(ask["Reply-To"]) == f"muheza-oranges+confirm+{token}@{DOMAIN}"
    assert f"/membership/join/{token}/" in ask.get_content()


def test_the_confirmation_link_makes_the_member_after_the_button(mail_server, oranges,
                                                                  mailboxes, client):
    command(mail_server, "subscribe", sender=f"Daudi Mbwana <{DAUDI}>")
    link = re.search(r"http\S+/membership/join/\S+/", mailboxes.of(DAUDI)[0].get_content())
    assert link
    path = urlsplit(link.group()).path
    asked = client.get(path)
    assert "Join Muheza orange growers?" in asked.content.decode()
    assert not is_member(DAUDI), "opening the link (a scanner may) is not joining"

    joined = client.post(path)
    assert "You are a member of Muheza orange growers." in joined.content.decode()
    assert is_member(DAUDI)
    assert Membership.objects.get(person__email_addresses__address=DAUDI).person.name == \
        "Daudi Mbwana"
    welcome = mailboxes.of(DAUDI)[-1]
    assert str(welcome["Subject"]) == "Welcome to Muheza orange growers"
    post(mail_server, subject="Who else sells to Mr Juma?")
    assert str(mailboxes.of(DAUDI)[-1]["Subject"]) == "Who else sells to Mr Juma?"
    assert client.post(path).status_code == 404, "a used confirmation works once"


def test_replying_to_the_confirmation_makes_the_member(mail_server, oranges, smtp_sink):
    command(mail_server, "subscribe", sender=DAUDI)
    [ask] = smtp_sink.to(DAUDI)
    reply_to = str(ask["Reply-To"])
    mail_server.send(email_from(DAUDI, reply_to, f"Re: {ask['Subject']}", "> Someone asked\n",
                                In_Reply_To=str(ask["Message-ID"])), reply_to)
    assert is_member(DAUDI)
    assert str(smtp_sink.to(DAUDI)[-1]["Subject"]) == "Welcome to Muheza orange growers"


def test_a_confirmation_left_for_more_than_a_week_has_expired(mail_server, oranges, smtp_sink,
                                                             client):
    command(mail_server, "subscribe", sender=DAUDI)
    Subscription.objects.update(created=timezone.now() - datetime.timedelta(days=8))
    link = re.search(r"http\S+/membership/join/\S+/", smtp_sink.to(DAUDI)[0].get_content())
    assert link
    response = client.post(urlsplit(link.group()).path)
    assert response.status_code == 404
    assert "The confirmation has expired or was already used" in response.content.decode()
    assert not is_member(DAUDI)


def test_a_confirmation_reply_that_is_no_longer_waiting_changes_nothing(mail_server, oranges,
                                                                       smtp_sink):
    to = f"muheza-oranges+confirm+{'ab' * 12}@{DOMAIN}"
    mail_server.send(email_from(DAUDI, to, "Re: Confirm", "yes\n"), to)
    assert not is_member(DAUDI)
    assert "This confirmation has expired or was already used" in \
        smtp_sink.to(DAUDI)[0].get_content()


def test_a_member_added_by_a_mentor_needs_no_confirmation(mail_server, oranges, mailboxes):
    add_member(oranges, DAUDI, name="Daudi Mbwana")
    post(mail_server)
    [copy] = mailboxes.of(DAUDI)
    assert "Halima Omari via Muheza orange growers" in str(copy["From"])


def test_a_member_who_subscribes_again_is_told_so(mail_server, oranges, smtp_sink):
    command(mail_server, "subscribe")
    assert "You are already a member." in smtp_sink.to(HALIMA)[0].get_content()
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(("subject", "body"), [
    ("weekly", ""),
    ("", "weekly\n\nThank you, Halima\n"),
    ("Change please", "weekly please\n"),
])
def test_the_request_address_reads_the_command_from_subject_or_body(mail_server, oranges,
                                                                    smtp_sink, subject, body):
    command(mail_server, "", subject=subject, body=body)
    assert mode_of(HALIMA) == "weekly"
    assert "From now on you receive: weekly digest." in smtp_sink.to(HALIMA)[0].get_content()


def test_only_the_first_line_of_a_request_is_read_as_a_command(mail_server, oranges,
                                                               smtp_sink):
    Membership.objects.filter(person__email_addresses__address=HALIMA).update(mode="weekly")
    command(mail_server, "", subject="Our group",
            body="We met on Saturday.\nEach of us brought two crates.\n")
    assert mode_of(HALIMA) == "weekly"
    assert "The command was not understood." in smtp_sink.to(HALIMA)[0].get_content()


def test_an_unknown_request_gets_the_list_of_commands(mail_server, oranges, smtp_sink):
    command(mail_server, "", subject="Please send me the minutes", body="Asante\n")
    [answer] = smtp_sink.to(HALIMA)
    text = answer.get_content()
    assert "The command was not understood." in text
    assert f"muheza-oranges+digest@{DOMAIN}: one email a day with the new messages" in text
    assert mode_of(HALIMA) == "each"


def test_help_lists_every_command_address(mail_server, oranges, smtp_sink):
    command(mail_server, "help")
    text = smtp_sink.to(HALIMA)[0].get_content()
    assert "not understood" not in text
    for word in ("subscribe", "unsubscribe", "each", "digest", "weekly", "monthly", "nomail"):
        assert f"muheza-oranges+{word}@{DOMAIN}" in text


@pytest.mark.parametrize("word", ["unsubscribe", "leave"])
def test_unsubscribing_by_email_leaves_the_group(mail_server, oranges, mailboxes, word):
    command(mail_server, word)
    assert not is_member(HALIMA)
    [goodbye] = mailboxes.of(HALIMA)
    assert str(goodbye["Subject"]) == "You have left Muheza orange growers"
    post(mail_server, subject="After Halima left",
         sender="Joseph Mshana <joseph.mshana@example.org>")
    assert len(mailboxes.of(HALIMA)) == 1, "no more posts"


def test_a_strangers_command_changes_nothing_and_says_so(mail_server, oranges, smtp_sink):
    command(mail_server, "nomail", sender=DAUDI)
    assert "This address is not a member of the group, so nothing was changed." in \
        smtp_sink.to(DAUDI)[0].get_content()
    assert not EmailAddress.objects.filter(address=DAUDI).exists()
    assert set(Membership.objects.values_list("mode", flat=True)) == {"each"}


def test_an_organisations_address_cannot_change_the_organisations_delivery(
        mail_server, oranges, smtp_sink):
    command(mail_server, "nomail", sender=CHAIR)
    assert "as a member of an organisation" in smtp_sink.to(CHAIR)[0].get_content()
    assert Membership.objects.get(organisation__isnull=False).mode == "each"


def test_an_auto_reply_to_a_command_address_is_quarantined_unanswered(mail_server, oranges,
                                                                     smtp_sink):
    command(mail_server, "digest", subject="Out of office", body="I am at the market.\n",
            Auto_Submitted="auto-replied")
    inbound = InboundMessage.objects.get()
    assert inbound.state == State.QUARANTINED
    assert "auto-replied" in inbound.reason
    assert mode_of(HALIMA) == "each"
    assert smtp_sink.messages == []
    assert not Outgoing.objects.exists()
