"""What moderators do with held and quarantined messages, on the web or by a reply to the
notice of a held message (moderate_by_email). Each decision is recorded, by whom and when; a
held message is decided once: the second decision, a double click or a notice answered twice,
raises AlreadyDecided and changes nothing."""

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
from learnlink.people.models import Person

# Who decides: a signed-in user on the web, or a person by mail (who may have no account).
Moderator = User | Person


class AlreadyDecided(Exception):
    """Someone decided this held message first; `held` says who and when."""

    def __init__(self, held: HeldMessage) -> None:
        super().__init__(f"held message {held.pk} was {held.status} already")
        self.held = held


def _decide(held: HeldMessage, by: Moderator, status: HeldStatus) -> None:
    """Record the decision, if nobody made one first: one conditional UPDATE, so two
    decisions at the same moment cannot both pass (call it inside the decision's
    transaction, which AlreadyDecided then rolls back)."""
    user, person = (by.user, by) if isinstance(by, Person) else (by, getattr(by, "person", None))
    now = timezone.now()
    decided = HeldMessage.objects.filter(pk=held.pk, status=HeldStatus.WAITING).update(
        status=status, decided_by=user, decided_by_person=person, decided=now)
    if not decided:
        held.refresh_from_db()
        raise AlreadyDecided(held)
    held.status, held.decided_by, held.decided_by_person, held.decided = status, user, person, now


def approve(held: HeldMessage, by: Moderator) -> None:
    """Parsed and made ready before the transaction, which then only records (see Ready)."""
    parsed = parse(bytes(held.inbound.raw))
    prepared = ready(held.group, held.inbound, parsed, author_of(parsed))
    with transaction.atomic():
        _decide(held, by, HeldStatus.APPROVED)
        publish(prepared)


def approve_and_add(held: HeldMessage, by: Moderator) -> None:
    """Post it and make the sender a member, so their next message goes straight through;
    approved first, so that a moderator who decided second adds nobody."""
    approve(held, by)
    add_member(held.group, held.sender_address, name=held.sender_name)


@transaction.atomic
def reject(held: HeldMessage, by: Moderator, reason: str) -> None:
    """Refuse it and tell the sender why, in their language."""
    _decide(held, by, HeldStatus.REJECTED)
    finish(held.inbound, State.REJECTED, f"rejected by a moderator: {reason}")
    send_rejection(held.pk, reason)


@transaction.atomic
def ban(held: HeldMessage, by: Moderator) -> None:
    """Reject this message, and every later one from the same address, without asking."""
    _decide(held, by, HeldStatus.REJECTED)
    BannedAddress.objects.get_or_create(group=held.group, address=held.sender_address)
    finish(held.inbound, State.REJECTED, f"{held.sender_address} is always rejected here")


def release(inbound: InboundMessage) -> None:
    """A mentor looked at a quarantined message and wants it processed after all."""
    inbound.state = State.PENDING
    inbound.save(update_fields=["state"])
    process_inbound(inbound, Checks(size=False, loops=False, auto_replies=False, spam=False))


def delete(inbound: InboundMessage) -> None:
    inbound.delete()

