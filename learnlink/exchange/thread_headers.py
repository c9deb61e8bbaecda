"""What a message's headers say about its place in a thread, in plain Python: its subject
without the "Re:" and "Jibu:" that replies add (a thread's name, and a hint that it answers
something), and the Message-IDs of its ancestors from References and In-Reply-To.

Read by the threading core (`thread_core`), its database side (`thread_placement`) and the pages
that name a thread; like the core, it imports nothing from Django.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

REPLY_PREFIX = re.compile(
    r"\s*(?:re|fwd?|aw|sv|vs|wg|antw(?:ort)?|tr|r[ée]f|rif|jibu|rv|enc)"
    r"\s*(?:\[\d+\]|\(\d+\))?\s*:\s*",
    re.IGNORECASE)
"""What mail programs put before a subject they answer or forward, in the languages of our
networks and their partners: Re, Fwd, Jibu (Swahili), Réf and TR (French), AW and WG (German),
SV and VS (Nordic), RV and ENC (Spanish, Portuguese), also numbered as in "Re[2]:"."""


def strip_reply_prefixes(subject: str) -> str:
    """The subject without stacked "Re: Fwd: Jibu:" and with single spaces: a thread's name."""
    subject = " ".join(subject.split())
    while match := REPLY_PREFIX.match(subject):
        subject = subject[match.end():]
    return subject


def has_reply_prefix(subject: str) -> bool:
    return REPLY_PREFIX.match(subject) is not None


def thread_references(references: Sequence[str], in_reply_to: Sequence[str]) -> list[str]:
    """The Message-IDs that place a message: its References, else the first In-Reply-To.

    References is the whole ancestry and its last id the nearest ancestor; In-Reply-To often
    holds junk after the id ("; from X on date"), so it only speaks when References is silent."""
    return list(references) or list(in_reply_to[:1])


def ancestry(references: Sequence[str], message_id: str) -> list[str]:
    """References without blanks, without repeats (the last mention is the nearest) and without
    the message itself, which would make it its own ancestor."""
    nearest_first = dict.fromkeys(ref for ref in reversed(references) if ref and ref != message_id)
    return list(reversed(nearest_first))
