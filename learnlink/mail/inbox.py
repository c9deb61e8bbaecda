"""The one path in for mail: store the bytes durably, then process them in the worker.

LMTP, SMTP, the Postfix pipe, IMAP polling, mbox import and the tests all call `receive()`.
It commits before returning, so the server can answer 250 only once the bytes are safe.
"""

from __future__ import annotations

import logging
import sqlite3

from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from redis.exceptions import RedisError

from learnlink.lib.fields import fitted
from learnlink.lib.limits import Limit
from learnlink.mail.models import InboundMessage, Source, State
from learnlink.mail.parsing import ParsedMessage, ParseError, parse
from learnlink.mail.routing import route_for

log = logging.getLogger(__name__)


# The database was busy or out of reach ("database is locked", a lost connection, a deadlock):
# the same message will go through later, so it stays pending and is tried again.
TEMPORARY = (OperationalError, InterfaceError)
# The worker's queue out of reach: Redis (REDIS_URL), or Huey's own SQLite file.
QUEUE_DOWN = (RedisError, sqlite3.OperationalError)
NOT_QUEUED = "stored while the queue was down: waits for it"


class UnknownRecipient(Exception):
    """No group or service answers to this address."""


def receive(raw: bytes, recipients: list[str], source: Source, envelope_from: str = "",
            process: bool = True) -> list[InboundMessage]:
    """Store one copy per recipient (each may be refused or held on its own), committed."""
    for recipient in recipients:
        if route_for(recipient) is None:
            raise UnknownRecipient(recipient)
    digest = InboundMessage.digest(raw)
    with transaction.atomic():
        stored = [InboundMessage.objects.create(
            source=source, envelope_from=fitted(InboundMessage, "envelope_from", envelope_from),
            recipient=fitted(InboundMessage, "recipient", r.lower()),
            raw=raw, size=len(raw), sha256=digest) for r in recipients]
    if process:
        queue(stored)
    return stored


def queue(stored: list[InboundMessage]) -> None:
    """Hand each stored message to the worker. The queue (Redis) may be down: the message is
    stored, which is all its sender is owed, so it is marked NOT_QUEUED for `tasks.queue_again`
    to hand over once the queue is back, instead of refusing mail we already hold."""
    from learnlink.mail.tasks import process_inbound

    for inbound in stored:
        try:
            process_inbound(inbound.pk)
        except QUEUE_DOWN:
            log.warning("the queue is down: inbound %s waits for it", inbound.pk, exc_info=True)
            InboundMessage.objects.filter(pk=inbound.pk).update(reason=NOT_QUEUED)


def process(inbound: InboundMessage) -> None:
    """Hand a stored message to its route; a failure quarantines it with the error as reason,
    unless the failure is temporary: then the message stays pending and the error is raised
    for the worker to try again."""
    route = route_for(inbound.recipient)
    try:
        if route is None:
            raise UnknownRecipient(inbound.recipient)
        route.process(inbound)
    except TEMPORARY:
        log.warning("processing inbound %s failed for now; it stays queued", inbound.pk,
                    exc_info=True)
        raise
    except Exception as error:
        log.exception("processing inbound %s failed", inbound.pk)
        quarantine(inbound, f"could not be processed: {type(error).__name__}: {error}")


def finish(inbound: InboundMessage, state: State, reason: str = "") -> None:
    inbound.state, inbound.reason, inbound.processed = state, reason[:2000], timezone.now()
    inbound.save(update_fields=["state", "reason", "processed"])


def quarantine(inbound: InboundMessage, reason: str) -> None:
    finish(inbound, State.QUARANTINED, reason)


def request_to_answer(inbound: InboundMessage) -> ParsedMessage | None:
    """A mail asking for an answer (a command, a search), parsed; None when it is unreadable,
    automatic or has nobody to answer, and then quarantined with the reason: two robots must
    never talk to each other."""
    try:
        parsed = parse(bytes(inbound.raw))
    except ParseError as error:
        quarantine(inbound, f"cannot be read as an email: {error}")
        return None
    if parsed.auto_reply or not parsed.from_address:
        quarantine(inbound, parsed.auto_reply or "no sender to answer")
        return None
    return parsed


def request_within_limit(inbound: InboundMessage, limit: str) -> ParsedMessage | None:
    """`request_to_answer`, within the sender's hourly limit of that name (lib.limits): a mail
    over it ends rejected with the reason and unanswered, so nobody can make us mail without
    end. None when there is nothing to answer."""
    parsed = request_to_answer(inbound)
    if parsed is None:
        return None
    hourly = Limit.named(limit)
    if hourly.count(parsed.from_address, inbound.envelope_from):
        finish(inbound, State.REJECTED, f"from {parsed.from_address}: over the limit of "
                                        f"{hourly.per_address} an hour")
        return None
    return parsed
