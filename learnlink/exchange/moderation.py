"""What moderators do with held and quarantined messages. Each decision is recorded."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from learnlink.exchange.membership import add_member
from learnlink.exchange.models import BannedAddress, HeldMessage, HeldStatus
from learnlink.exchange.posting import Checks, author_of, process_inbound, publish, ready
from learnlink.exchange.tasks import send_rejection
from learnlink.mail.inbox import finish
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import parse


def _decide(held: HeldMessage, by: User, status: HeldStatus) -> None:
    held.status, held.decided_by, held.decided = status, by, timezone.now()
    held.save(update_fields=["status", "decided_by", "decided"])


def approve(held: HeldMessage, by: User) -> None:
    """Parsed and made ready before the transaction, which then only records (see Ready)."""
    parsed = parse(bytes(held.inbound.raw))
    prepared = ready(held.group, held.inbound, parsed, author_of(parsed))
    with transaction.atomic():
        publish(prepared)
        _decide(held, by, HeldStatus.APPROVED)


def approve_and_add(held: HeldMessage, by: User) -> None:
    """Post it and make the sender a member, so their next message goes straight through."""
    add_member(held.group, held.sender_address, name=held.sender_name)
    approve(held, by)


@transaction.atomic
def reject(held: HeldMessage, by: User, reason: str) -> None:
    """Refuse it and tell the sender why, in their language."""
    _decide(held, by, HeldStatus.REJECTED)
    finish(held.inbound, State.REJECTED, f"rejected by a moderator: {reason}")
    send_rejection(held.pk, reason)


@transaction.atomic
def ban(held: HeldMessage, by: User) -> None:
    """Reject this message, and every later one from the same address, without asking."""
    BannedAddress.objects.get_or_create(group=held.group, address=held.sender_address)
    _decide(held, by, HeldStatus.REJECTED)
    finish(held.inbound, State.REJECTED, f"{held.sender_address} is always rejected here")


def release(inbound: InboundMessage) -> None:
    """A mentor looked at a quarantined message and wants it processed after all."""
    inbound.state = State.PENDING
    inbound.save(update_fields=["state"])
    process_inbound(inbound, Checks(size=False, loops=False, auto_replies=False, spam=False))


def delete(inbound: InboundMessage) -> None:
    inbound.delete()

