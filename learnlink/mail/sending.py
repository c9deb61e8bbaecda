"""The sender: works through the outbox, several SMTP connections at once, in several processes
when much is due.

The database side (claiming due deliveries, recording what happened) runs in the calling thread;
each SMTP connection is the standard library's smtplib in a thread of its own, since Django's ORM
may not be shared with them. One Python process keeps about one core busy, so a large run forks
up to LEARNLINK_SENDERS - 1 more processes doing the same; the lease each claim takes
(mail/claims.py) gives each delivery to one of them, and each member's mail leaves in order.
Results come back as they happen and are written in small groups, one transaction each, so a
worker killed mid-run resends at most the few deliveries the relay accepted in the last
milliseconds (SMTP itself cannot promise exactly once).

smtplib rather than a client of our own: our asyncio client with pipelining gained less than
the 20% a fast path must earn on bench/deliver.py (bench/README.md has the figures).
"""

from __future__ import annotations

import datetime
import logging
import multiprocessing
import smtplib
from collections import Counter
from collections.abc import Iterable
from multiprocessing.connection import Connection

from django.conf import settings
from django.db import connection, transaction
from django.db import connections as db_connections
from django.db.backends.sqlite3.creation import DatabaseCreation as SQLiteCreation
from django.db.models import F
from django.utils import timezone

from learnlink.mail.claims import Claimed, claim, due
from learnlink.mail.models import Delivery, DeliveryState, Outgoing
from learnlink.mail.models.outbox import fill
from learnlink.mail.signing import dkim_sign
from learnlink.mail.smtp_pipeline import (
    BATCH,
    UNREACHABLE,
    Job,
    Outcome,
    Pipeline,
    Relay,
    connect,
    crlf,
)
from learnlink.mail.verp import bounce_address

log = logging.getLogger(__name__)

RETRY_DELAYS = [datetime.timedelta(minutes=m) for m in (5, 15, 30, 60, 120, 240)]
GIVE_UP_AFTER = datetime.timedelta(days=3)


def relay() -> Relay | None:
    """The relay EMAIL_URL names; None keeps mail in the outbox, visible on the web."""
    if not settings.LEARNLINK_RELAY:
        return None
    return Relay(settings.EMAIL_HOST, int(settings.EMAIL_PORT), bool(settings.EMAIL_USE_TLS),
                 bool(settings.EMAIL_USE_SSL), settings.EMAIL_HOST_USER or "",
                 settings.EMAIL_HOST_PASSWORD or "", float(settings.LEARNLINK_SMTP_TIMEOUT))


def retry_delay(attempts: int) -> datetime.timedelta:
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def send_due(connections: int | None = None, senders: int | None = None) -> Counter[str]:
    """Send everything that is due now; returns how many were sent, retried and failed.
    `connections` per sending process, and up to `senders` processes when much is due."""
    target = relay()
    if target is None:
        return Counter()
    _resume_if_relay_back(target)
    each = connections or settings.LEARNLINK_SMTP_CONNECTIONS
    helpers = _helpers(senders or settings.LEARNLINK_SENDERS)
    if not helpers:
        return _send_here(target, each)
    db_connections.close_all()  # a forked process must open its own, not share this one
    fork = multiprocessing.get_context("fork")
    results, results_in = fork.Pipe(duplex=False)
    forked = [fork.Process(target=_send_forked, args=(target, each, results_in))
              for _number in range(helpers)]
    for process in forked:
        process.start()
    counts = _send_here(target, each)
    for process in forked:
        process.join()
        if process.exitcode:
            log.error("a sending process ended with exit code %s: the deliveries it held are "
                      "sent again when their lease ends", process.exitcode)
    while results.poll():
        counts += results.recv()
    return counts


def _helpers(senders: int) -> int:
    """How many processes to fork besides this one: one per batch due, up to `senders` in all
    (bench/deliver.py on two cores: 2,755 deliveries/s with one process, 4,267/s with two).
    None when little is due, as for a notice, since a fork costs milliseconds; nor where they
    could not see this process's data (inside a transaction, or an SQLite database in memory,
    as in the tests)."""
    if senders < 2 or connection.in_atomic_block or (
            connection.vendor == "sqlite"
            and SQLiteCreation.is_in_memory_db(connection.settings_dict["NAME"])):
        return 0
    waiting = len(due(timezone.now()).values_list("pk", flat=True)[:BATCH * senders])
    return max(0, min(senders, waiting // BATCH) - 1)


def _send_forked(target: Relay, connections: int, results: Connection) -> None:
    """A forked sender's run, its counts sent back; the process ends with it (one that waited
    for more work would outlive a killed worker). Its database connection is closed rather than
    dropped with the process, which PostgreSQL would log as an unexpected end."""
    try:
        results.send(_send_here(target, connections))
    finally:
        db_connections.close_all()


def _send_here(target: Relay, connections: int) -> Counter[str]:
    """Claim batches and send them over `connections` connections of this process, until
    nothing is due."""
    counts: Counter[str] = Counter()
    with Pipeline(target, connections) as pipeline:
        builder = _JobBuilder()
        in_flight = 0
        while True:
            if in_flight < BATCH:
                claimed = builder.jobs(claim(BATCH, timezone.now()))
                pipeline.submit(claimed)
                in_flight += len(claimed)
            if not in_flight:
                return counts
            outcomes = pipeline.results()
            _record(outcomes, counts)
            in_flight -= len(outcomes)


def _resume_if_relay_back(target: Relay) -> int:
    """What waits only because the relay could not be reached is due again the moment it
    answers, as Postfix flushes a destination that came back: each delivery's own backoff
    would otherwise send a message posted late in an outage before one posted early. Costs one
    probe a run, and only while such deliveries wait; a message that broke a connection keeps
    its own backoff. Returns how many were released."""
    now = timezone.now()
    waiting = Delivery.objects.filter(state=DeliveryState.QUEUED, next_attempt__gt=now,
                                      last_error__startswith=UNREACHABLE)
    if not waiting.exists():
        return 0
    try:
        connect(target).quit()
    except (OSError, smtplib.SMTPException):
        return 0
    return waiting.update(next_attempt=now)


class _JobBuilder:
    """Renders each outgoing message once (dot-stuffed) and fills in each recipient's token."""

    def __init__(self) -> None:
        self._outgoing: dict[int, tuple[Outgoing, bytes]] = {}

    def jobs(self, deliveries: list[Claimed]) -> list[Job]:
        missing = {outgoing_id for _pk, outgoing_id, _a, _t in deliveries} - self._outgoing.keys()
        for outgoing in Outgoing.objects.filter(pk__in=missing):
            self._outgoing[outgoing.pk] = (outgoing, crlf(bytes(outgoing.raw)))
        return [self._job(*delivery) for delivery in deliveries]

    def _job(self, pk: int, outgoing_id: int, address: str, token: str) -> Job:
        outgoing, stuffed = self._outgoing[outgoing_id]
        if settings.DKIM_KEY_FILE:
            data = crlf(dkim_sign(outgoing.bytes_for(token)))
        elif outgoing.marker:
            data = fill(stuffed, outgoing.marker, token)
        else:
            data = stuffed
        return Job(pk, bounce_address(outgoing.channel, pk), address, data, outgoing.created)


def _record(outcomes: Iterable[Outcome], counts: Counter[str]) -> None:
    """One transaction for a group of results: sent ones in one statement."""
    now = timezone.now()
    sent = [o.job.pk for o in outcomes if not o.error]
    with transaction.atomic():
        Delivery.objects.filter(pk__in=sent).update(
            state=DeliveryState.SENT, sent=now, lease_until=None, last_error="",
            attempts=F("attempts") + 1)
        counts["sent"] += len(sent)
        for outcome in outcomes:
            if outcome.error:
                counts[_record_failure(outcome, now)] += 1


def _record_failure(outcome: Outcome, now: datetime.datetime) -> str:
    delivery = Delivery.objects.get(pk=outcome.job.pk)
    delivery.attempts += 1
    delivery.last_error = outcome.error[:2000]
    delivery.lease_until = None
    given_up = now >= outcome.job.queued + GIVE_UP_AFTER
    if outcome.permanent or given_up:
        delivery.state = DeliveryState.FAILED
        if given_up and not outcome.permanent:
            delivery.last_error = f"gave up after 3 days of retries: {outcome.error}"[:2000]
    else:
        delivery.next_attempt = now + retry_delay(delivery.attempts)
    delivery.save(update_fields=["attempts", "last_error", "lease_until", "state",
                                 "next_attempt"])
    if outcome.permanent and outcome.refused_recipient:
        from learnlink.mail.bounces import refused_by_relay

        refused_by_relay(delivery, outcome.error)
    return "failed" if delivery.state == DeliveryState.FAILED else "retry"
