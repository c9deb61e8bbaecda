"""A group's subject prefix ("[oranges-muheza]"): once before the subject of every copy, never
in the archive.

Replies come back with the prefix wherever the member's mail program left it, among the
"Re:" and "Jibu:" it adds ("Re: [oranges] Re: [ORANGES] Price"). Mailman's rule: every
prefix among those leading markers goes, a single marker stays, and the prefix goes in front
once ("[oranges] Re: Price"). The archive keeps the subject without the prefix, so that thread
names, pages and threading by subject never see it. Plain Python, like thread_headers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from learnlink.exchange.thread_headers import REPLY_PREFIX


def without_prefix(subject: str, prefix: str) -> str:
    """The subject as the archive keeps it: every `prefix` among its leading reply markers
    taken out, the markers kept as they were ("Re: [oranges] Re: X" -> "Re: Re: X")."""
    if not _normal(prefix):
        return subject
    markers, rest = _split(subject, prefix)
    return " ".join([*markers, rest]).strip()


def with_prefix(subject: str, prefix: str) -> str:
    """The subject of a member's copy: `prefix` once, then one reply marker if the subject
    had any, then the subject ("Re: [oranges] Re: X" -> "[oranges] Re: X"). Prefixing a
    prefixed subject changes nothing."""
    prefix = _normal(prefix)
    if not prefix:
        return subject
    markers, rest = _split(subject, prefix)
    return " ".join(part for part in (prefix, *markers[:1], rest) if part)


def _split(subject: str, prefix: str) -> tuple[list[str], str]:
    """The reply markers before the subject (prefixes left out) and the subject after them.
    Linear: each step reads on from where the last one stopped."""
    pattern = _prefix_pattern(_normal(prefix))
    subject = _normal(subject)
    markers, at = [], 0
    while True:
        if found := pattern.match(subject, at):
            at = found.end()
        elif found := REPLY_PREFIX.match(subject, at):
            markers.append(found.group().strip())
            at = found.end()
        else:
            return markers, subject[at:]


@lru_cache(maxsize=64)
def _prefix_pattern(prefix: str) -> re.Pattern[str]:
    """The prefix in any case; a prefix ending in a letter must end a word ("[oranges" must
    not eat the start of "[orangesmith]"), and the spaces after it go with it."""
    end = r"(?!\w)" if re.search(r"\w$", prefix) else ""
    return re.compile(rf"{re.escape(prefix)}{end}\s*", re.IGNORECASE)


def _normal(text: str) -> str:
    """Single spaces, as thread_headers writes a thread's name."""
    return " ".join(text.split())
