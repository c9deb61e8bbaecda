"""Signed reply addresses for the alliance's mail: `alliance+PURPOSE.PK.ISSUED.SIGNATURE@` the
mail domain, e.g. `alliance+task.2a.675f1c00.0123456789abcdef@` for a reminder of task 42.

The shape, the signature and the refusals' words are learnlink.lib.reply_addresses'; here are
the alliance's purposes. The signature covers the purpose and the record, so a reply address
made for one task's reminder can answer only that reminder, and only for `REPLY_DAYS`. What
the reply may do is decided again, by who sent it, when it arrives (permissions.py).
"""

from __future__ import annotations

from learnlink.lib.reply_addresses import BadAddress, ReplyAddresses

REPLY_DAYS = 60  # a reminder is answered within days; two months covers a long journey
PURPOSES = ("task", "reflection", "plan", "date")
ADDRESSES = ReplyAddresses("alliance+", "alliance-reply", (str, int), REPLY_DAYS)
is_reply_address = ADDRESSES.accepts

__all__ = ["BadAddress", "is_reply_address", "record_named", "reply_address"]


def reply_address(purpose: str, pk: int, issued: int | None = None) -> str:
    return ADDRESSES.make(purpose, pk, issued=issued)


def record_named(local: str, now: float | None = None) -> tuple[str, int]:
    """The purpose and the pk a reply address speaks for; BadAddress if it was not made by
    Learnlink, names no known purpose or has expired."""
    purpose, pk = ADDRESSES.read(local, now)
    if purpose not in PURPOSES:
        raise BadAddress("unknown", REPLY_DAYS)
    return purpose, pk
