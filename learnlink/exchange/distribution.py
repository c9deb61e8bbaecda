"""A post, once archived, goes to every member who takes each message and has not muted its
thread."""

from __future__ import annotations

from learnlink.exchange.list_mail import MemberCopy
from learnlink.exchange.models import DeliveryMode, Message
from learnlink.exchange.recipients import recipients
from learnlink.mail.models import Outgoing
from learnlink.mail.models.outbox import Kind
from learnlink.mail.outbox import enqueue


def distribute(message: Message, copy: MemberCopy) -> Outgoing | None:
    """Queue the member copies (the sender's own copy is left out: they have it, and a
    learner in a cyber café pays for every megabyte). None when nobody takes each message."""
    to = list(recipients(message.group, DeliveryMode.EACH, message.thread_id,
                         leave_out=message.sender))
    if not to:
        return None
    return enqueue(copy.of(message), to, kind=Kind.POST, channel=message.group.slug,
                   subject=message.subject, marker=copy.marker)
