"""The mentoring addresses every group has, SLUG+WORD@ the mail domain (SLUG+agenda@,
SLUG+reminders@): which group one names, and the request a mail to it makes, within the
sender's hourly limit of commands (so that nobody can make us mail without end)."""

from __future__ import annotations

from learnlink.exchange.models import Group
from learnlink.mail.inbox import quarantine, request_within_limit
from learnlink.mail.models import InboundMessage
from learnlink.mail.parsing import ParsedMessage
from learnlink.mail.routing import split_address


def group_at(local: str, word: str) -> Group | None:
    """The group whose SLUG+`word`@ address `local` is."""
    slug, plus, said = local.partition("+")
    return Group.objects.filter(slug=slug).first() if plus and said == word else None


def group_request(inbound: InboundMessage, word: str) -> tuple[Group, ParsedMessage] | None:
    """The group and the mail to answer; None when the inbound row already ended (no such
    group, an automatic reply, unreadable mail, or the sender over their limit)."""
    group = group_at(split_address(inbound.recipient)[0], word)
    if group is None:
        quarantine(inbound, f"no group has this {word} address")
        return None
    parsed = request_within_limit(inbound, "command")
    return None if parsed is None else (group, parsed)
