"""Dated, signed tokens for links and reply addresses in mail: `PART.PART.ISSUED.SIGNATURE`.

Several apps mail tokens that act for one record and one purpose without a password (a
footer's membership link, a mute link, a reply address). They share one rule: the signature
(an HMAC-SHA256 with SECRET_KEY, cut to 16 hex) covers the purpose, the parts and the second
the token was issued, so it cannot be moved to another record or purpose, and it expires some
days after it was mailed. Integer parts are written in lower-case hexadecimal (mail programs may
change the case of an address), text parts as they are (they must hold no dot).

Tokens already in people's mailboxes must keep working: the string signed is
`PURPOSE:PART:…:ISSUED` with integers in decimal, and the layout never changes. Reading raises
Incomplete, Forged or Expired, so that each caller words its own refusal.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Any

from django.conf import settings

DAY = 24 * 3600


class BadToken(Exception):
    """The token acts for nothing; the subclass says why."""


class Incomplete(BadToken):
    """The token lacks parts or has a part that is not what it should be (a cut-off link)."""


class Forged(BadToken):
    """Learnlink did not make this token: its signature is wrong."""


class Expired(BadToken):
    """The token was good but is older than its days allow; `days` is its age in days."""

    def __init__(self, days: float) -> None:
        super().__init__(f"issued {days:.1f} days ago")
        self.days = days


def signature(purpose: str, *parts: object, length: int = 16) -> str:
    """The HMAC of `purpose:part:…` with SECRET_KEY, in hexadecimal, cut to `length`."""
    text = ":".join(str(part) for part in (purpose, *parts))
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(),
                    hashlib.sha256).hexdigest()[:length]


def make(purpose: str, *parts: int | str, issued: int | None = None) -> str:
    """A token for `parts`, stamped with `issued` (a batch made at once) or this second."""
    stamp = int(time.time()) if issued is None else issued
    written = ".".join(f"{part:x}" if isinstance(part, int) else part for part in parts)
    return f"{written}.{stamp:x}.{signature(purpose, *parts, stamp)}"


def read(token: str, purpose: str, kinds: tuple[type, ...], days: float,
         now: float | None = None) -> tuple[tuple[Any, ...], int]:
    """The parts a token was made for (each of the kind in `kinds`, int or str) and the second
    it was issued. Incomplete, Forged or Expired (older than `days` at `now`) say why not."""
    fields = token.split(".")
    if len(fields) != len(kinds) + 2:
        raise Incomplete(f"{len(fields)} fields, {len(kinds) + 2} wanted")
    try:
        parts = tuple(int(text, 16) if kind is int else text
                      for kind, text in zip(kinds, fields, strict=False))
        issued = int(fields[-2], 16)
    except ValueError:
        raise Incomplete("a field is not hexadecimal") from None
    if not hmac.compare_digest(fields[-1], signature(purpose, *parts, issued)):
        raise Forged(purpose)
    age = (time.time() if now is None else now) - issued
    if age > days * DAY:
        raise Expired(age / DAY)
    return parts, issued
