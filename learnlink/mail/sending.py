"""The sender: works through the outbox, several SMTP connections at once.

The database side (claiming due deliveries, recording what happened) runs in the calling thread;
the SMTP side runs in an asyncio loop in a thread of its own, because Django's ORM may not be
called from inside an event loop. Results come back as they happen and are written in small
groups, one transaction each, so a worker killed mid-run resends at most the few deliveries the
relay accepted in the last milliseconds (SMTP itself cannot promise exactly once).
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from learnlink.mail.models import Delivery, DeliveryState, Outgoing
from learnlink.mail.signing import dkim_sign
from learnlink.mail.smtp_client import Connection, Relay, SmtpReply, stuff
from learnlink.mail.verp import bounce_address

log = logging.getLogger(__name__)

RETRY_DELAYS = [datetime.timedelta(minutes=m) for m in (5, 15, 30, 60, 120, 240)]
GIVE_UP_AFTER = datetime.timedelta(days=3)
LEASE = datetime.timedelta(minutes=30)
BATCH = 200
GROUP_WINDOW = 0.05  # seconds: how long results wait to be written together


@dataclass(frozen=True)
class Job:
    pk: int
    sender: str
    recipient: str
    data: bytes
    queued: datetime.datetime


@dataclass(frozen=True)
class Outcome:
    job: Job
    error: str = ""
    permanent: bool = False
    refused_recipient: bool = False  # at RCPT: the address is the problem, not the message


def relay() -> Relay | None:
    """The relay EMAIL_URL names; None keeps mail in the outbox, visible on the web."""
    if not settings.LEARNLINK_RELAY:
        return None
    return Relay(settings.EMAIL_HOST, int(settings.EMAIL_PORT), bool(settings.EMAIL_USE_TLS),
                 bool(settings.EMAIL_USE_SSL), settings.EMAIL_HOST_USER or "",
                 settings.EMAIL_HOST_PASSWORD or "", float(settings.LEARNLINK_SMTP_TIMEOUT))


def retry_delay(attempts: int) -> datetime.timedelta:
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def send_due(connections: int | None = None) -> Counter[str]:
    """Send everything that is due now; returns how many were sent, retried and failed."""
    target = relay()
    counts: Counter[str] = Counter()
    if target is None:
        return counts
    with _Pipeline(target, connections or settings.LEARNLINK_SMTP_CONNECTIONS) as pipeline:
        builder = _JobBuilder()
        in_flight = 0
        while True:
            if in_flight < BATCH:
                claimed = builder.jobs(_claim(BATCH))
                pipeline.submit(claimed)
                in_flight += len(claimed)
            if not in_flight:
                return counts
            outcomes = pipeline.results()
            _record(outcomes, counts)
            in_flight -= len(outcomes)


Claimed = tuple[int, int, str, str]  # a delivery's pk, outgoing pk, address and token


def _claim(limit: int) -> list[Claimed]:
    """Take due deliveries for this sender; a lease keeps a second worker off them."""
    now = timezone.now()
    with transaction.atomic():
        free = (Delivery.objects.filter(state=DeliveryState.QUEUED, next_attempt__lte=now)
                .exclude(lease_until__gt=now))
        if connection.vendor == "postgresql":
            free = free.select_for_update(skip_locked=True)
        pks = list(free.order_by("pk").values_list("pk", flat=True)[:limit])
        Delivery.objects.filter(pk__in=pks).update(lease_until=now + LEASE)
    return list(Delivery.objects.filter(pk__in=pks).order_by("pk")
                .values_list("pk", "outgoing_id", "address", "token"))


class _JobBuilder:
    """Renders each outgoing message once (dot-stuffed) and fills in each recipient's token."""

    def __init__(self) -> None:
        self._outgoing: dict[int, tuple[Outgoing, bytes]] = {}

    def jobs(self, deliveries: list[Claimed]) -> list[Job]:
        missing = {outgoing_id for _pk, outgoing_id, _a, _t in deliveries} - self._outgoing.keys()
        for outgoing in Outgoing.objects.filter(pk__in=missing):
            self._outgoing[outgoing.pk] = (outgoing, stuff(bytes(outgoing.raw)))
        return [self._job(*delivery) for delivery in deliveries]

    def _job(self, pk: int, outgoing_id: int, address: str, token: str) -> Job:
        outgoing, stuffed = self._outgoing[outgoing_id]
        if settings.DKIM_KEY_FILE:
            data = stuff(dkim_sign(outgoing.bytes_for(token)))
        elif outgoing.marker:
            data = stuffed.replace(outgoing.marker.encode(), token.encode())
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


class _Pipeline:
    """The asyncio side: `connections` SMTP connections taking jobs from one queue."""

    def __init__(self, target: Relay, connections: int) -> None:
        self.relay, self.connections = target, connections
        self.outcomes: queue.Queue[Outcome] = queue.Queue()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="smtp", daemon=True)

    def __enter__(self) -> _Pipeline:
        self.thread.start()
        self.jobs: asyncio.Queue[Job | None] = asyncio.run_coroutine_threadsafe(
            self._queue(), self.loop).result()
        self.done = asyncio.run_coroutine_threadsafe(self._run(), self.loop)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for _worker in range(self.connections):
            self.loop.call_soon_threadsafe(self.jobs.put_nowait, None)
        try:
            self.done.result(timeout=self.relay.timeout + 10)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join()
            self.loop.close()

    def submit(self, jobs: list[Job]) -> None:
        for job in jobs:
            self.loop.call_soon_threadsafe(self.jobs.put_nowait, job)

    def results(self) -> list[Outcome]:
        """What finished within a few milliseconds of the first result: one transaction per
        group keeps the database from becoming the bottleneck, and the window is short."""
        finished = [self.outcomes.get()]
        deadline = time.monotonic() + GROUP_WINDOW
        while len(finished) < BATCH and (left := deadline - time.monotonic()) > 0:
            try:
                finished.append(self.outcomes.get(timeout=left))
            except queue.Empty:
                break
        return finished

    async def _queue(self) -> asyncio.Queue[Job | None]:
        return asyncio.Queue()

    async def _run(self) -> None:
        await asyncio.gather(*(self._worker() for _n in range(self.connections)))

    async def _worker(self) -> None:
        smtp: Connection | None = None
        while (job := await self.jobs.get()) is not None:
            smtp = await self._deliver(smtp, job)
        if smtp is not None:
            await smtp.close()

    async def _deliver(self, smtp: Connection | None, job: Job) -> Connection | None:
        """Send one job; the connection that can carry the next one, or None."""
        try:
            if smtp is None:
                smtp = Connection(self.relay)
                await smtp.open()
            await smtp.send(job.sender, job.recipient, job.data)
            self.outcomes.put(Outcome(job))
            return smtp
        except SmtpReply as refusal:
            self.outcomes.put(Outcome(job, str(refusal), refusal.permanent and
                                      refusal.stage not in ("connect", "EHLO", "AUTH"),
                                      refusal.stage == "RCPT"))
            return await _reusable(smtp, refusal)
        except Exception as error:
            # Timeouts, resets, and whatever else a broken relay causes (a reply line too long
            # for the reader is a ValueError): every job must give an outcome, or `results`
            # waits for it for ever. It is tried again later.
            self.outcomes.put(Outcome(job, f"connection: {type(error).__name__}: {error}"))
            if smtp is not None:
                await smtp.close()
            return None


async def _reusable(smtp: Connection | None, refusal: SmtpReply) -> Connection | None:
    """After a refused transaction, RSET and go on; after 421 or a failed RSET, reconnect."""
    if smtp is None or refusal.code == 421 or refusal.stage in ("connect", "EHLO", "AUTH"):
        if smtp is not None:
            await smtp.close()
        return None
    try:
        await smtp.reset()
        return smtp
    except Exception:  # as in _deliver: a worker that dies leaves its jobs without outcome
        await smtp.close()
        return None
