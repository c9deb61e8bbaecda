"""Signed reply addresses: `PREFIX+PART.PART.ISSUED.SIGNATURE@` the mail domain, a
dated_tokens token in the local part of an address Learnlink mails from, so that a plain reply
comes back naming the record it answers.

The house rule for tokens in mail: one purpose, an expiry, never a sign-in and never an address
change. The signature covers the purpose, the parts and the second the mail was made, so an
address made for one record can answer only that record, and only for `days` (each mailing
makes a fresh one). What the reply may do is decided again, by who sent it, when it arrives.
Mail programs may change the case of an address, so it is all lower-case: integers in
hexadecimal, text parts of lower-case letters.

Several apps answer replies this way (the alliance's reminders, the moderators' notices of a
held message); the shape and the refusals' words are shared here, each app keeps its prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learnlink.lib import dated_tokens

WHY = {
    "unknown": _("This address is not one Learnlink gives for replies."),
    "forged": _("This reply address was not made by Learnlink: reply to the mail Learnlink "
                "sent you, without changing its address."),
    "expired": _("This reply address has expired: it answers for %(days)s days after its mail "
                 "was sent. Reply to the latest mail, or use the web."),
}
_PART = {int: r"[0-9a-f]{1,12}", str: r"[a-z]{1,12}"}


class BadAddress(Exception):
    """The address answers for nothing: `why` is a key of WHY, for the inbox's record."""

    def __init__(self, why: str, days: int) -> None:
        super().__init__(f"reply address {why}")
        self.why, self.days = why, days

    def explained(self) -> str:
        """Why, for the sender, in the active language."""
        return str(WHY[self.why]) % {"days": self.days}


@dataclass(frozen=True)
class ReplyAddresses:
    """The reply addresses of one app's mail: `prefix` starts their local part, `signed` is
    what the signature covers before the parts, `kinds` the type of each part."""

    prefix: str
    signed: str
    kinds: tuple[type, ...]
    days: int

    @property
    def _local(self) -> re.Pattern[str]:
        parts = r"\.".join(_PART[kind] for kind in self.kinds)
        return re.compile(rf"^{re.escape(self.prefix)}{parts}\.[0-9a-f]{{1,12}}\.[0-9a-f]{{16}}$")

    def make(self, *parts: int | str, issued: int | None = None) -> str:
        token = dated_tokens.make(self.signed, *parts, issued=issued)
        return f"{self.prefix}{token}@{settings.LEARNLINK_MAIL_DOMAIN}"

    def accepts(self, local: str, _domain: str = "") -> bool:
        """Whether the local part is one of ours in shape (signed or not: a forged one is
        answered with why, rather than bounced)."""
        return local.startswith(self.prefix)

    def read(self, local: str, now: float | None = None) -> tuple[Any, ...]:
        """The parts an address was made for; BadAddress if Learnlink did not make it, it has
        not the shape of ours, or it has expired."""
        folded = local.lower()
        if self._local.match(folded) is None:
            raise BadAddress("unknown", self.days)
        try:
            parts, _issued = dated_tokens.read(folded.removeprefix(self.prefix), self.signed,
                                               self.kinds, self.days, now)
        except dated_tokens.Forged:
            raise BadAddress("forged", self.days) from None
        except dated_tokens.Expired:
            raise BadAddress("expired", self.days) from None
        return parts
