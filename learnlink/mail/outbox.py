"""Putting mail in the outbox: every message Learnlink sends goes through `enqueue`."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.db import transaction

from learnlink.mail.models import Delivery, Outgoing
from learnlink.mail.models.outbox import Kind


def new_marker() -> str:
    """A placeholder no message text can contain by accident."""
    return f"LLTOKEN{secrets.token_hex(8)}"


def enqueue(raw: bytes, recipients: Iterable[tuple[str, str]], *, kind: str = Kind.NOTICE,
            channel: str = "", subject: str = "", marker: str = "") -> Outgoing:
    """Store the message and one delivery per (address, token); the worker sends them once the
    transaction commits. An address given twice gets one copy."""
    with transaction.atomic():
        outgoing = Outgoing.objects.create(kind=kind, channel=channel, subject=subject[:500],
                                           raw=raw, marker=marker)
        unique = {address.strip().lower(): token for address, token in recipients}
        Delivery.objects.bulk_create(
            [Delivery(outgoing=outgoing, address=address[:320], token=token)
             for address, token in unique.items()], batch_size=2000)
        transaction.on_commit(_kick)
    return outgoing


def _kick() -> None:
    from learnlink.mail.tasks import send_outbox

    send_outbox()
