"""Bounces from the real world, delivered over LMTP to the VERP address our mail went out from.

Proves: every report in tests/data/bounces/ (Postfix, Exim, Exchange, Gmail, qmail, Sendmail,
Yahoo; failures and delay warnings) counts against the one address its delivery went to, a hard
one 1 and a delay warning 0.5, and says so in the stored message's reason; a bounce to a forged
or unknown token is quarantined and counts for nobody; an out-of-office reply to the bounce
address counts nothing; bounces count at most once a day and are forgotten after a quiet week;
three hard bounces on three days stop mail to the address (warned the day before, at the
other address: test_bounce_warnings), so the group's next post goes to the member's other
current address, or nowhere (a digest too); and the probe link a mentor sends,
opened from the mailbox, starts mail to the address again.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from learnlink.exchange import digests
from learnlink.exchange.membership import add_member
from learnlink.exchange.models import DeliveryMode
from learnlink.mail.models import Delivery, InboundMessage, State
from learnlink.mail.models.outbox import Kind
from learnlink.mail.outbox import enqueue
from learnlink.mail.verp import bounce_address
from learnlink.people import bouncing
from learnlink.people.models import EmailAddress, Person
from tests.conftest import MailServer, email_from, make_person, wire_format
from tests.mail.faulty_relay import Relay, relay_for_learnlink

BOUNCES = Path(__file__).resolve().parent.parent / "data" / "bounces"
EXPECTED: dict[str, dict[str, Any]] = json.loads((BOUNCES / "expected.json").read_text())
CHANNEL = "muheza-oranges"
GROUP = f"{CHANNEL}@learnlink.localhost"
HALIMA, JOSEPH, KILULU = ("halima@example.org", "joseph.mshana@example.org",
                          "kilulu.growers@example.org")
real_now = timezone.now


@pytest.fixture
def relay(settings: Any, transactional_db: None) -> Iterator[Relay]:
    with relay_for_learnlink(settings) as running:
        yield running


class Days:
    """The bounce scorer's clock, moved a day at a time: real time plus an offset."""

    def __init__(self) -> None:
        self.offset = datetime.timedelta(0)

    def now(self) -> datetime.datetime:
        return real_now() + self.offset

    def later(self, days: int) -> None:
        self.offset += datetime.timedelta(days=days)


@pytest.fixture
def days(monkeypatch: pytest.MonkeyPatch) -> Days:
    days = Days()
    monkeypatch.setattr(bouncing, "timezone",
                        SimpleNamespace(now=days.now, localdate=timezone.localdate))
    return days


def bounce_back(mail_server: MailServer, raw: bytes, to: str) -> InboundMessage:
    """What a remote MTA does: LMTP from the null sender to the envelope sender we used."""
    with mail_server.lmtp() as client:
        refused = client.sendmail("", [to], wire_format(raw))
    assert not refused, refused
    return InboundMessage.objects.filter(recipient=to.lower()).latest("pk")


def send_notice(recipients: list[str], channel: str = CHANNEL) -> dict[str, Delivery]:
    """One message through the outbox and the relay, one delivery per recipient."""
    raw = (b"From: Muheza orange growers <" + GROUP.encode() + b">\r\nSubject: Buyers on "
           b"Friday\r\n\r\nThe buyers from Dar come on Friday.\r\n")
    outgoing = enqueue(raw, [(a, "") for a in recipients], channel=channel,
                       subject="Buyers on Friday")
    return {d.address: d for d in outgoing.deliveries.all()}


def envelope_sender(relay: Relay, address: str) -> str:
    """The address the relay was given as MAIL FROM for the last copy sent to `address`."""
    return relay.to(address)[-1].mail_from


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_bounce_counts_against_the_address_its_delivery_went_to(name, mail_server,
                                                                       relay):
    [address] = EXPECTED[name]["addresses"]
    permanent: bool = EXPECTED[name]["permanent"]
    make_person("Bounced Member", address)
    make_person("Halima Omari", HALIMA)
    sent = send_notice([address, HALIMA])
    verp = envelope_sender(relay, address)
    assert verp == bounce_address(CHANNEL, sent[address].pk)

    inbound = bounce_back(mail_server, (BOUNCES / name).read_bytes(), verp)

    record = EmailAddress.objects.get(address=address)
    assert record.bounce_score == Decimal("1" if permanent else "0.5")
    assert record.last_bounce is not None and record.bounce_text.strip()
    assert record.disabled is None
    untouched = EmailAddress.objects.get(address=HALIMA)
    assert (untouched.bounce_score, untouched.last_bounce) == (0, None)
    assert inbound.state == State.DONE
    assert inbound.reason == f"{'hard' if permanent else 'soft'} bounce for {address}"


def test_a_bounce_for_learnlinks_own_mail_comes_back_to_its_own_address(mail_server, relay):
    make_person("Halima Omari", HALIMA)
    sent = send_notice([HALIMA], channel="")
    verp = envelope_sender(relay, HALIMA)
    assert verp == bounce_address("", sent[HALIMA].pk)
    assert verp.startswith("bounces+")

    report = (BOUNCES / "postfix_02.eml").read_bytes().replace(b"anne.person@dom.ain",
                                                               HALIMA.encode())
    inbound = bounce_back(mail_server, report, verp)

    assert inbound.reason == f"hard bounce for {HALIMA}"
    assert EmailAddress.objects.get(address=HALIMA).bounce_score == 1


def forged(channel: str, pk: int) -> str:
    """The right delivery number with somebody else's signature."""
    other = bounce_address(channel, pk + 1)
    return f"{channel}+bounces+{pk:x}-{other.split('-')[-1]}"


@pytest.mark.parametrize("token", ["forged", "no such delivery", "not a token"])
def test_a_bounce_to_a_forged_or_unknown_token_is_quarantined_and_counts_for_nobody(
        token, mail_server, relay):
    make_person("Halima Omari", HALIMA)
    pk = send_notice([HALIMA])[HALIMA].pk
    to = {"forged": forged(CHANNEL, pk),
          "no such delivery": bounce_address(CHANNEL, pk + 1000),
          "not a token": f"{CHANNEL}+bounces+halima@{django_settings.LEARNLINK_MAIL_DOMAIN}",
          }[token]
    report = (BOUNCES / "postfix_02.eml").read_bytes().replace(b"anne.person@dom.ain",
                                                               HALIMA.encode())

    inbound = bounce_back(mail_server, report, to)

    assert inbound.state == State.QUARANTINED
    assert "a bounce for a delivery we do not know" in inbound.reason
    record = EmailAddress.objects.get(address=HALIMA)
    assert (record.bounce_score, record.last_bounce, record.bounce_text) == (0, None, "")


def test_an_out_of_office_reply_to_the_bounce_address_counts_nothing(mail_server, relay):
    make_person("Halima Omari", HALIMA)
    send_notice([HALIMA])
    verp = envelope_sender(relay, HALIMA)
    reply = email_from(HALIMA, verp, "Out of office: Buyers on Friday",
                       "I am in the field until Monday, with no network.",
                       Auto_Submitted="auto-replied")

    inbound = bounce_back(mail_server, reply.as_bytes(), verp)

    assert inbound.state == State.DONE
    assert inbound.reason == f"not a failure report, nothing counted for {HALIMA}"
    record = EmailAddress.objects.get(address=HALIMA)
    assert (record.bounce_score, record.last_bounce) == (0, None)


def test_a_bounce_of_fifty_thousand_mime_parts_is_quarantined_before_the_detectors_walk_it(
        mail_server, relay):
    make_person("Halima Omari", HALIMA)
    send_notice([HALIMA])
    verp = envelope_sender(relay, HALIMA)
    parts = b"".join(b"--p\r\nContent-Type: text/plain\r\n\r\nUser unknown %d\r\n" % n
                     for n in range(50_000))
    report = (b"From: MAILER-DAEMON@example.org\r\nSubject: Undelivered Mail\r\n"
              b'Content-Type: multipart/report; boundary="p"\r\n\r\n' + parts + b"--p--\r\n")

    inbound = bounce_back(mail_server, report, verp)

    assert inbound.state == State.QUARANTINED
    assert "MIME parts" in inbound.reason
    assert EmailAddress.objects.get(address=HALIMA).bounce_score == 0


def test_bounces_count_once_a_day_and_are_forgotten_after_a_quiet_week(mail_server, relay,
                                                                       days):
    make_person("Halima Omari", HALIMA)
    report = (BOUNCES / "gmail_01.eml").read_bytes().replace(b"userx@example.com",
                                                             HALIMA.encode())

    def bounce() -> Decimal:
        send_notice([HALIMA])
        bounce_back(mail_server, report, envelope_sender(relay, HALIMA))
        return EmailAddress.objects.get(address=HALIMA).bounce_score

    assert bounce() == 1
    assert bounce() == 1, "a second bounce the same day counts once"
    days.later(8)
    assert bounce() == 1, "after a quiet week the count starts again"
    days.later(1)
    assert bounce() == 2


# Three strikes, and the probe ------------------------------------------------------------------

def post_to_group(mail_server: MailServer, subject: str) -> None:
    """Joseph, the mentor, posts; Halima and Kilulu's growers take each message."""
    mail_server.send(email_from(JOSEPH, GROUP, subject, "Who sold at the new price?"), GROUP)


def halimas_delivery(subject: str) -> Delivery | None:
    return Delivery.objects.filter(outgoing__subject=subject,
                                   address__startswith="halima").first()


def bounce_three_days_running(mail_server: MailServer, relay: Relay, days: Days) -> EmailAddress:
    """Each day a post to the group bounces at Halima's primary address."""
    report = (BOUNCES / "postfix_02.eml").read_bytes().replace(b"anne.person@dom.ain",
                                                               HALIMA.encode())
    for day in range(1, 4):
        post_to_group(mail_server, f"Prices, day {day}")
        delivery = halimas_delivery(f"Prices, day {day}")
        assert delivery is not None and delivery.address == HALIMA
        bounce_back(mail_server, report, envelope_sender(relay, HALIMA))
        days.later(1)
    return EmailAddress.objects.get(address=HALIMA)


@pytest.mark.parametrize("other_address", ["halima.omari@example.net", None],
                         ids=["another-address", "no-other-address"])
def test_three_hard_bounces_on_three_days_stop_mail_to_the_address(
        other_address, mail_server, oranges, relay, days):
    halima = Person.objects.get(email_addresses__address=HALIMA)
    if other_address:
        EmailAddress.objects.create(person=halima, address=other_address,
                                    active_from=datetime.date(2010, 1, 1))

    record = bounce_three_days_running(mail_server, relay, days)
    assert record.bounce_score == 3
    assert record.disabled is not None
    assert "User unknown" in record.bounce_text

    post_to_group(mail_server, "Prices, day 4")
    assert [r.message["Subject"] for r in relay.to(HALIMA)] == [
        "Prices, day 1", "Prices, day 2", "Prices, day 3"]
    if other_address:
        warned, moved = relay.to(other_address)
        assert warned.message["Subject"] == f"Mail to {HALIMA} keeps coming back"
        assert moved.message["Subject"] == "Prices, day 4"
        assert halimas_delivery("Prices, day 4").address == other_address
    else:
        assert halimas_delivery("Prices, day 4") is None
    assert [r.message["Subject"] for r in relay.to(KILULU)][-1] == "Prices, day 4"


def test_a_digest_reader_whose_address_bounces_stopped_gets_no_digest(mail_server, oranges,
                                                                      relay, days):
    bounce_three_days_running(mail_server, relay, days)
    add_member(oranges, HALIMA, mode=DeliveryMode.DAILY)

    made = digests.send_due(timezone.now() + datetime.timedelta(days=1))

    assert [d.mode for d in made] == [DeliveryMode.DAILY]
    assert not Delivery.objects.filter(outgoing__kind=Kind.DIGEST).exists()
    assert [r.message["Subject"] for r in relay.to(HALIMA)] == [
        "Prices, day 1", "Prices, day 2", "Prices, day 3"]


def test_the_probe_link_a_mentor_sends_starts_mail_to_the_address_again(
        client, mail_server, oranges, mentor, relay, days):
    record = bounce_three_days_running(mail_server, relay, days)
    assert record.disabled is not None
    client.force_login(mentor)
    client.post(reverse("exchange:probe", args=[oranges.slug, record.pk]))
    client.logout()

    probe = relay.to(HALIMA)[-1].message
    assert "Is this address still yours?" in probe["Subject"]
    [link] = re.findall(re.escape(django_settings.LEARNLINK_BASE_URL) + r"/\S+",
                        probe.get_content())
    opened = client.get(urlsplit(link).path)

    assert opened.status_code == 200
    record.refresh_from_db()
    assert (record.disabled, record.bounce_score) == (None, 0)
    post_to_group(mail_server, "Prices, day 4")
    assert relay.to(HALIMA)[-1].message["Subject"] == "Prices, day 4"
