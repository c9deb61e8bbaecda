"""The outbox against relays that misbehave, as a mentor or an operator would notice.

Proves, with real SMTP servers on loopback (tests/mail/faulty_relay.py): every member gets one
copy from their own VERP bounce address; a 4xx, a timeout or a connection cut in the middle of
DATA keeps the mail queued and retries it on the schedule (5, 15, 30, 60, 120, 240 minutes, then
every 240) until the relay takes it or three days have passed; a 5xx fails it at once and keeps
the relay's words, and counts a hard bounce when it refused the address (at RCPT), not when it
refused the message; a refusal at the greeting is the relay's problem, not the members'; a large
post is shared by several sending processes, each copy sent once and each member's posts in
order; a later run, or a new worker after one died holding a lease, never sends a delivered copy
again; and a group's own post coming back, or another list's auto-response, never goes out a
second time.
"""

from __future__ import annotations

import datetime
import threading
from collections import Counter
from collections.abc import Iterator
from email.message import EmailMessage
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from learnlink.exchange.models import Message, PostingPolicy
from learnlink.mail import sending
from learnlink.mail.models import (
    Delivery,
    DeliveryState,
    InboundMessage,
    Outgoing,
    State,
)
from learnlink.mail.models.outbox import Kind
from learnlink.mail.outbox import enqueue, new_marker
from learnlink.mail.sending import send_due
from learnlink.mail.verp import bounce_address
from learnlink.people.models import EmailAddress
from tests.conftest import email_from, make_person, relay_to
from tests.mail.faulty_relay import (
    RawRelay,
    Relay,
    cut_in_data,
    never_answer,
    overlong_reply,
    refuse_at_greeting,
    relay_for_learnlink,
)

CHANNEL = "muheza-oranges"
HALIMA, JOSEPH, KILULU = ("halima@example.org", "joseph.mshana@example.org",
                          "kilulu.growers@example.org")
MEMBERS = (HALIMA, JOSEPH, KILULU)
GROUP = "muheza-oranges@learnlink.localhost"
MINUTE = datetime.timedelta(minutes=1)
real_now = timezone.now


class Clock:
    """The sender's clock: real time plus an offset a test moves, so schedules need no waiting."""

    def __init__(self) -> None:
        self.offset = datetime.timedelta(0)

    def now(self) -> datetime.datetime:
        return real_now() + self.offset

    def advance(self, **delta: float) -> None:
        self.offset += datetime.timedelta(**delta)

    def move_to(self, moment: datetime.datetime) -> None:
        """From now on the clock reads `moment` or a few microseconds later."""
        self.offset = moment - real_now()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(sending, "timezone", SimpleNamespace(now=clock.now))
    return clock


@pytest.fixture
def members(transactional_db: None) -> None:
    for name, address in (("Halima Omari", HALIMA), ("Joseph Mshana", JOSEPH),
                          ("Mwanaisha Shabani", KILULU)):
        make_person(name, address)


@pytest.fixture
def relay(settings: Any, transactional_db: None, members: None) -> Iterator[Relay]:
    """A relay that takes everything unless told otherwise."""
    with relay_for_learnlink(settings) as running:
        yield running


def post(addresses: tuple[str, ...] | list[str], subject: str = "Buyers from Dar on Friday",
         ) -> Outgoing:
    """A group post to `addresses`, each with their own leave link, as the exchange app queues
    it. A line starts with a dot: it must arrive as written (SMTP dot-stuffing)."""
    marker = new_marker()
    message = EmailMessage()
    message["From"] = f"Halima Omari via Muheza orange growers <{GROUP}>"
    message["To"] = GROUP
    message["Subject"] = subject
    message.set_content("The buyers pay 300 shillings a kilo, graded.\n"
                        ".5 kg bags are not taken.\n\n"
                        f"Leave the group: https://learnlink.localhost/leave/{marker}/\n")
    return enqueue(message.as_bytes(), [(a, f"tok{a.split('@')[0].replace('.', '')}")
                                        for a in addresses],
                   kind=Kind.POST, channel=CHANNEL, subject=subject, marker=marker)


def deliveries(outgoing: Outgoing) -> dict[str, Delivery]:
    return {d.address: d for d in outgoing.deliveries.all()}


def test_each_member_gets_one_copy_from_their_own_bounce_address_with_their_own_link(
        relay, clock):
    outgoing = post(MEMBERS)

    assert relay.copies() == Counter(MEMBERS)
    for address, delivery in deliveries(outgoing).items():
        [received] = relay.to(address)
        assert received.mail_from == bounce_address(CHANNEL, delivery.pk)
        body = received.message.get_content().replace("\r\n", "\n")
        assert f"/leave/{delivery.token}/" in body
        assert outgoing.marker not in body
        assert "\n.5 kg bags are not taken.\n" in body
        assert (delivery.state, delivery.attempts, delivery.lease_until) == (
            DeliveryState.SENT, 1, None)
        assert delivery.sent is not None
    assert len({r.mail_from for r in relay.received}) == 3


def test_later_runs_never_send_a_delivered_copy_again(relay, clock):
    post(MEMBERS)

    for _worker_restart in range(3):
        clock.advance(days=1)
        assert send_due() == Counter()
    assert relay.copies() == Counter(MEMBERS)
    assert sum(relay.tries.values()) == 3


def test_a_temporary_refusal_waits_five_minutes_then_delivers_once(relay, clock):
    relay.refuse_at_rcpt[HALIMA] = "451 4.3.0 <halima@example.org>: mailbox busy, try later"
    outgoing = post(MEMBERS)

    halima = deliveries(outgoing)[HALIMA]
    assert (halima.state, halima.attempts) == (DeliveryState.QUEUED, 1)
    assert "451" in halima.last_error and "mailbox busy, try later" in halima.last_error
    assert abs(halima.next_attempt - (clock.now() + 5 * MINUTE)) < MINUTE / 2
    assert relay.copies() == Counter([JOSEPH, KILULU])

    clock.advance(minutes=4)
    assert send_due() == Counter()
    assert relay.tries[HALIMA] == 1

    del relay.refuse_at_rcpt[HALIMA]
    clock.move_to(halima.next_attempt)
    assert send_due() == Counter(sent=1)
    assert relay.copies() == Counter(MEMBERS)
    halima.refresh_from_db()
    assert (halima.state, halima.attempts, halima.last_error) == (DeliveryState.SENT, 2, "")
    assert EmailAddress.objects.get(address=HALIMA).bounce_score == 0


def test_retries_follow_the_schedule_and_give_up_after_three_days(relay, clock):
    relay.refuse_at_rcpt[HALIMA] = "451 4.7.1 <halima@example.org>: greylisted, come back later"
    outgoing = post([HALIMA])
    delivery = outgoing.deliveries.get()
    delays, last_try = [], outgoing.created
    while delivery.state == DeliveryState.QUEUED:
        assert len(delays) < 40, "never gave up"
        delays.append(round((delivery.next_attempt - last_try) / MINUTE))
        clock.move_to(delivery.next_attempt - MINUTE)
        assert send_due() == Counter(), "sent before its time"
        clock.move_to(delivery.next_attempt)
        last_try = delivery.next_attempt
        send_due()
        delivery.refresh_from_db()

    assert delays[:6] == [5, 15, 30, 60, 120, 240]
    assert set(delays[6:]) == {240}
    tried_at = [outgoing.created + sum(delays[:n], 0) * MINUTE for n in range(len(delays) + 1)]
    assert tried_at[-2] < outgoing.created + datetime.timedelta(days=3) <= tried_at[-1]
    assert delivery.state == DeliveryState.FAILED
    assert delivery.last_error.startswith("gave up after 3 days")
    assert "greylisted, come back later" in delivery.last_error
    assert delivery.attempts == relay.tries[HALIMA] == len(tried_at)
    assert not relay.received
    assert EmailAddress.objects.get(address=HALIMA).bounce_score == 0, \
        "a relay that kept saying 'later' is no bounce"


REFUSALS = {
    "at RCPT": ("refuse_at_rcpt", "550 5.1.1 <halima@example.org>: Recipient address rejected: "
                                  "User unknown in virtual mailbox table"),
    "after the message": ("refuse_after_data", "554 5.7.1 Message refused: it looks like "
                                               "bulk mail"),
}


@pytest.mark.parametrize("refusal", ["at RCPT", "after the message"], ids=["rcpt", "after-data"])
def test_a_permanent_refusal_fails_at_once_with_the_relays_words(refusal, relay, clock):
    where, reply = REFUSALS[refusal]
    getattr(relay, where)[HALIMA] = reply
    outgoing = post(MEMBERS)

    halima = deliveries(outgoing)[HALIMA]
    assert (halima.state, halima.attempts) == (DeliveryState.FAILED, 1)
    assert reply.split(" ", 1)[1] in halima.last_error
    assert relay.copies() == Counter([JOSEPH, KILULU])

    clock.advance(days=1)
    assert send_due() == Counter()
    assert relay.tries[HALIMA] == 1


def test_an_address_the_relay_refuses_at_rcpt_counts_as_a_hard_bounce(relay, clock):
    relay.refuse_at_rcpt[HALIMA] = REFUSALS["at RCPT"][1]
    post(MEMBERS)

    record = EmailAddress.objects.get(address=HALIMA)
    assert record.bounce_score == 1
    assert "User unknown in virtual mailbox table" in record.bounce_text
    assert record.last_bounce is not None and record.disabled is None
    assert set(EmailAddress.objects.exclude(address=HALIMA)
               .values_list("bounce_score", flat=True)) == {0}


def test_a_message_the_relay_refuses_after_data_counts_no_bounce_against_the_address(
        relay, clock):
    """The relay judged the message (spam, size, content), not the address: mail that one
    message could not carry must not move a member towards being switched off."""
    relay.refuse_after_data[HALIMA] = REFUSALS["after the message"][1]
    post(MEMBERS)

    record = EmailAddress.objects.get(address=HALIMA)
    assert (record.bounce_score, record.last_bounce) == (0, None)


def test_a_relay_that_refuses_us_at_the_greeting_blames_no_member(settings, members, clock):
    with RawRelay(refuse_at_greeting) as refusing:
        relay_to(settings, refusing.port)
        outgoing = post(MEMBERS)
        assert refusing.connections >= 1

    for delivery in deliveries(outgoing).values():
        assert (delivery.state, delivery.attempts) == (DeliveryState.QUEUED, 1)
        assert "554 5.7.1" in delivery.last_error
    assert set(EmailAddress.objects.values_list("bounce_score", flat=True)) == {0}

    with relay_for_learnlink(settings) as relay:
        clock.advance(minutes=5)
        assert send_due() == Counter(sent=3)
        assert relay.copies() == Counter(MEMBERS)


def test_a_connection_cut_in_the_middle_of_data_is_retried_and_delivered_once(settings, members,
                                                                              clock):
    with RawRelay(cut_in_data) as cutting:
        relay_to(settings, cutting.port)
        outgoing = post(MEMBERS)
        assert cutting.messages_cut == 3

    for delivery in deliveries(outgoing).values():
        assert (delivery.state, delivery.attempts) == (DeliveryState.QUEUED, 1)
        assert delivery.last_error.startswith("connection:")
        assert abs(delivery.next_attempt - (clock.now() + 5 * MINUTE)) < MINUTE / 2

    with relay_for_learnlink(settings) as relay:
        clock.advance(minutes=5)
        assert send_due() == Counter(sent=3)
        assert send_due() == Counter()
        assert relay.copies() == Counter(MEMBERS)
    assert set(EmailAddress.objects.values_list("bounce_score", flat=True)) == {0}


def test_a_relay_that_never_answers_times_out_and_the_mail_waits(settings, members, clock):
    with RawRelay(never_answer) as silent:
        relay_to(settings, silent.port)
        settings.LEARNLINK_SMTP_TIMEOUT = 1
        outgoing = post([HALIMA, JOSEPH])
        assert silent.connections >= 1

    for delivery in deliveries(outgoing).values():
        assert (delivery.state, delivery.attempts) == (DeliveryState.QUEUED, 1)
        assert "TimeoutError" in delivery.last_error

    with relay_for_learnlink(settings) as relay:
        clock.advance(minutes=5)
        assert send_due() == Counter(sent=2)
        assert relay.copies() == Counter([HALIMA, JOSEPH])


def test_a_relay_that_talks_nonsense_does_not_hang_the_sender(settings, members, clock):
    settings.LEARNLINK_RELAY = False
    outgoing = post([HALIMA])

    def worker() -> None:
        try:
            send_due()
        finally:
            connection.close()

    with RawRelay(overlong_reply) as babbling:
        relay_to(settings, babbling.port)
        settings.LEARNLINK_SMTP_TIMEOUT = 1
        running = threading.Thread(target=worker, daemon=True)
        running.start()
        running.join(timeout=30)
        assert not running.is_alive(), "the sender waits for ever: its worker is lost"

    delivery = outgoing.deliveries.get()
    assert (delivery.state, delivery.attempts) == (DeliveryState.QUEUED, 1)
    assert delivery.last_error.startswith("connection:")
    assert delivery.lease_until is None


def test_a_new_worker_takes_over_what_a_dead_one_held_and_sends_each_copy_once(
        settings, relay, clock):
    first = post([HALIMA, JOSEPH], subject="Monday's prices")
    settings.LEARNLINK_RELAY = False  # the relay is unreachable while the worker dies
    second = post(MEMBERS, subject="Tuesday's prices")
    assert second.deliveries.filter(state=DeliveryState.QUEUED).count() == 3
    lease = datetime.timedelta(seconds=settings.LEARNLINK_SEND_LEASE)
    died_holding = second.deliveries.update(lease_until=clock.now() + lease)
    assert died_holding == 3
    settings.LEARNLINK_RELAY = True

    assert send_due() == Counter(), "the lease still holds: another worker may be at it"
    clock.advance(minutes=31)
    assert send_due() == Counter(sent=3)
    assert send_due() == Counter()

    subjects = Counter((address, r.message["Subject"]) for r in relay.received
                       for address in r.rcpt_to)
    assert subjects == Counter([(HALIMA, "Monday's prices"), (JOSEPH, "Monday's prices"),
                                *((a, "Tuesday's prices") for a in MEMBERS)])
    assert set(first.deliveries.values_list("attempts", flat=True)) == {1}


# A mail loop ------------------------------------------------------------------------------------

@pytest.fixture
def open_group(oranges: Any) -> Any:
    """Anyone may post: a loop would go straight out to every member if nothing caught it."""
    oranges.posting_policy = PostingPolicy.OPEN
    oranges.save(update_fields=["posting_policy"])
    return oranges


@pytest.mark.parametrize("rewrite", ["as sent", "with a new Message-ID"])
def test_our_own_post_coming_back_to_the_group_is_not_sent_again(
        rewrite, mail_server, open_group, settings, transactional_db):
    with relay_for_learnlink(settings) as relay:
        mail_server.send(email_from(HALIMA, GROUP, "Buyers from Dar on Friday",
                                    "They pay 300 shillings a kilo."), GROUP)
        [copy] = relay.to(JOSEPH)
        raw = copy.raw
        if rewrite != "as sent":
            raw = raw.replace(copy.message["Message-ID"].encode(),
                              b"<forwarded-1@relay.example.net>")
        sent_before = relay.copies()
        assert sent_before == Counter([JOSEPH, KILULU])

        mail_server.send(raw, GROUP, sender=JOSEPH)

        assert relay.copies() == sent_before
    assert Message.objects.count() == 1
    assert Outgoing.objects.count() == 1
    assert Delivery.objects.count() == 2
    came_back = InboundMessage.objects.order_by("pk").last()
    assert came_back.state == State.QUARANTINED
    assert "mail loop" in came_back.reason


@pytest.mark.parametrize("headers", [{"Auto_Submitted": "auto-replied"},
                                     {"Precedence": "bulk", "X_Ack": "no"}],
                         ids=["auto-submitted", "precedence-bulk"])
def test_another_lists_auto_response_to_the_group_is_not_delivered(
        headers, mail_server, open_group, settings, transactional_db):
    with relay_for_learnlink(settings) as relay:
        mail_server.send(email_from(
            "farmers-l-owner@lists.example.net", GROUP, "Re: Buyers from Dar on Friday",
            "Your message to farmers-l awaits the moderator's approval.",
            List_Id="<farmers-l.lists.example.net>", **headers), GROUP)
        assert not relay.received
    assert not Message.objects.exists()
    assert not Delivery.objects.exists()
    inbound = InboundMessage.objects.get()
    assert inbound.state == State.QUARANTINED
    assert ("auto-replied" in inbound.reason) or ("bulk" in inbound.reason)


@pytest.mark.skipif(connection.vendor == "sqlite", reason="the tests' SQLite database is in "
                    "memory, where other processes cannot see it (PostgreSQL pass)")
def test_a_large_post_is_shared_by_several_sending_processes_each_copy_sent_once(
        settings, relay, clock):
    settings.LEARNLINK_SENDERS, settings.LEARNLINK_SMTP_CONNECTIONS = 3, 1
    addresses = [f"member{n}@example.org" for n in range(3 * sending.BATCH)]

    outgoing = post(addresses)

    assert relay.copies() == Counter(addresses)
    assert len({r.peer for r in relay.received}) > 1, "one process, one connection sent all"
    assert set(outgoing.deliveries.values_list("state", "attempts")) == {(DeliveryState.SENT, 1)}
    assert {r.mail_from for r in relay.received} == {bounce_address(CHANNEL, d.pk)
                                                     for d in outgoing.deliveries.all()}


@pytest.mark.skipif(connection.vendor == "sqlite", reason="the tests' SQLite database is in "
                    "memory, where other processes cannot see it (PostgreSQL pass)")
def test_several_sending_processes_keep_each_members_posts_in_order(settings, relay, clock):
    settings.LEARNLINK_SENDERS = 3
    settings.LEARNLINK_SMTP_CONNECTIONS = 1  # in each process, arrival order is send order
    addresses = [f"member{n}@example.org" for n in range(sending.BATCH // 2)]
    subjects = [f"Prices, day {day}" for day in range(1, 9)]
    settings.LEARNLINK_RELAY = False  # the relay was away while the posts came
    for subject in subjects:
        post(addresses, subject)
    settings.LEARNLINK_RELAY = True

    assert send_due() == Counter(sent=len(addresses) * len(subjects))

    for address in addresses:
        assert [r.message["Subject"] for r in relay.to(address)] == subjects
