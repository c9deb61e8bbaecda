"""Putting mail in the outbox: every message Learnlink sends goes through `enqueue`."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from learnlink.lib.bulk import insert_values
from learnlink.lib.fields import fitted, max_length
from learnlink.mail.console import echo
from learnlink.mail.models import Delivery, DeliveryState, Outgoing
from learnlink.mail.models.outbox import Kind
from learnlink.mail.permissions import shows_mail_whole


def new_marker() -> str:
    """A placeholder no message text can contain by accident."""
    return f"LLTOKEN{secrets.token_hex(8)}"


def enqueue(raw: bytes, recipients: Iterable[tuple[str, str]], *, kind: str = Kind.NOTICE,
            channel: str = "", subject: str = "", marker: str = "") -> Outgoing:
    """Store the message and one delivery per (address, token); the worker sends them once the
    transaction commits. An address given twice gets one copy."""
    with transaction.atomic():
        outgoing = Outgoing.objects.create(kind=kind, channel=channel, raw=raw, marker=marker,
                                           subject=fitted(Outgoing, "subject", subject))
        unique = {address.strip().lower(): token for address, token in recipients}
        _insert(outgoing, unique.items())
        transaction.on_commit(_kick)
        if shows_mail_whole():
            transaction.on_commit(lambda: echo(outgoing))
    return outgoing


def _insert(outgoing: Outgoing, recipients: Iterable[tuple[str, str]]) -> None:
    """Multi-row INSERTs of plain tuples: a post to 10,000 members is written inside its posting
    transaction, where bulk_create's model instances cost five times as much."""
    columns = ["outgoing_id", "address", "token", "state", "attempts", "next_attempt",
               "last_error"]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    length = max_length(Delivery, "address")
    insert_values(Delivery, columns, [
        (outgoing.pk, address[:length], token, DeliveryState.QUEUED.value, 0, now, "")
        for address, token in recipients])


def prune_sent(now: datetime.datetime | None = None) -> int:
    """Delete deliveries sent longer ago than the retention period, and the messages left with
    no delivery at all; returns how many deliveries went. Queued and failed ones are kept."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.LEARNLINK_SENT_RETENTION_DAYS)
    deleted, _ = Delivery.objects.filter(state=DeliveryState.SENT, sent__lt=cutoff).delete()
    Outgoing.objects.filter(created__lt=cutoff, deliveries__isnull=True).delete()
    return deleted


def _kick() -> None:
    from learnlink.mail.tasks import send_outbox

    send_outbox()
