"""Signed reply addresses for the alliance's mail: `alliance+PURPOSE.PK.ISSUED.SIGNATURE@` the
mail domain, e.g. `alliance+task.2a.675f1c00.0123456789abcdef@` for a reminder of task 42.

The house rule for tokens in mail: one purpose, an expiry, never a sign-in and never an address
change. The signature covers the purpose, the record and the day it was mailed, so a reply
address made for one task's reminder can answer only that reminder, and only for
`REPLY_DAYS` (each mailing makes a fresh one). What the reply may do is decided again, by who
sent it, when it arrives (permissions.py). Mail programs may change the case of an address, so
it is all lower-case hexadecimal.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learnlink.lib import dated_tokens

PREFIX = "alliance+"
SIGNED = "alliance-reply"  # what the signature covers before the purpose and the record
REPLY_DAYS = 60  # a reminder is answered within days; two months covers a long journey
PURPOSES = ("task", "reflection", "plan", "date")
_LOCAL = re.compile(r"^alliance\+([a-z]{1,12})\.([0-9a-f]{1,12})\.([0-9a-f]{1,12})"
                    r"\.([0-9a-f]{16})$")


WHY = {
    "unknown": _("This address is not one Learnlink gives for replies."),
    "forged": _("This reply address was not made by Learnlink: reply to the mail Learnlink "
                "sent you, without changing its address."),
    "expired": _("This reply address has expired: it answers for %(days)s days after its mail "
                 "was sent. Reply to the latest mail, or use the web."),
}


class BadAddress(Exception):
    """The address answers for nothing: `why` is a key of WHY, for the inbox's record."""

    def __init__(self, why: str) -> None:
        super().__init__(f"reply address {why}")
        self.why = why

    def explained(self) -> str:
        """Why, for the sender, in the active language."""
        return str(WHY[self.why]) % {"days": REPLY_DAYS}


def reply_address(purpose: str, pk: int, issued: int | None = None) -> str:
    token = dated_tokens.make(SIGNED, purpose, pk, issued=issued)
    return f"{PREFIX}{token}@{settings.LEARNLINK_MAIL_DOMAIN}"


def is_reply_address(local: str, _domain: str = "") -> bool:
    return local.startswith(PREFIX)


def record_named(local: str, now: float | None = None) -> tuple[str, int]:
    """The purpose and the pk a reply address speaks for; BadAddress if it was not made by
    Learnlink, names no known purpose or has expired."""
    found = _LOCAL.match(local.lower())
    if found is None or found.group(1) not in PURPOSES:
        raise BadAddress("unknown")
    try:
        (purpose, pk), _issued = dated_tokens.read(local.lower().removeprefix(PREFIX), SIGNED,
                                                   (str, int), REPLY_DAYS, now)
    except dated_tokens.Forged:
        raise BadAddress("forged") from None
    except dated_tokens.Expired:
        raise BadAddress("expired") from None
    return purpose, pk
