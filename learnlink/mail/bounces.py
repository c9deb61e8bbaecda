"""Bounces: mail that comes back to a VERP address, read with Mailman's detectors.

The address that failed is the one the bounce address names (the delivery we made), whatever
the report says: a forwarded or aliased address often reports a different one. The report
decides only how bad it is: a permanent failure, a temporary one, or no failure at all (an
out-of-office reply sent to the bounce address).
"""

from __future__ import annotations

import email
from email.message import Message

from django.conf import settings
from flufl.bounce import all_failures

from learnlink.mail.headers import BOUNDED
from learnlink.mail.inbox import finish, quarantine
from learnlink.mail.mime import TOO_MANY_PARTS, more_parts_than
from learnlink.mail.models import Delivery, InboundMessage, State
from learnlink.mail.routing import Route, split_address
from learnlink.mail.verp import delivery_of, is_bounce_address
from learnlink.people.bouncing import record_bounce

DIAGNOSTIC_FIELDS = ("diagnostic-code", "status", "action")


def process(inbound: InboundMessage) -> None:
    local, _domain = split_address(inbound.recipient)
    delivery = Delivery.objects.filter(pk=delivery_of(local) or 0).first()
    if delivery is None:
        quarantine(inbound, "a bounce for a delivery we do not know (bad or old token)")
        return
    raw = bytes(inbound.raw)
    if more_parts_than(raw):  # a report has three parts; the detectors walk every one
        quarantine(inbound, TOO_MANY_PARTS)
        return
    report = email.message_from_bytes(raw, policy=BOUNDED)
    temporary, permanent = all_failures(report)
    if not (temporary or permanent):
        finish(inbound, State.DONE, f"not a failure report, nothing counted for "
                                    f"{delivery.address}")
        return
    hard = bool(permanent)
    record_bounce(delivery.address, hard=hard, text=explanation(report),
                  threshold=settings.LEARNLINK_BOUNCE_THRESHOLD)
    finish(inbound, State.DONE, f"{'hard' if hard else 'soft'} bounce for {delivery.address}")


def refused_by_relay(delivery: Delivery, error: str) -> None:
    """Our own relay refusing a recipient for good (5xx) is a hard bounce, without the mail."""
    record_bounce(delivery.address, hard=True, text=error,
                  threshold=settings.LEARNLINK_BOUNCE_THRESHOLD)


def explanation(report: Message) -> str:
    """What a mentor should read: the DSN's diagnostic fields, else the start of the text."""
    for part in report.walk():
        if part.get_content_type() == "message/delivery-status":
            lines = [f"{name}: {block[name]}" for block in part.get_payload()
                     for name in DIAGNOSTIC_FIELDS if isinstance(block, Message) and block[name]]
            if lines:
                return "\n".join(lines)
    for part in report.walk():
        if part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload.decode("utf-8", "replace").strip()[:600]
    return ""


ROUTE = Route("bounces", accepts=lambda local, _domain: is_bounce_address(local),
              process=process)
