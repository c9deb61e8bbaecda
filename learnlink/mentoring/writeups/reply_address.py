"""Each write-up's own reply address: `writeup+PK.ISSUED.SIGNATURE@` the mail domain.

The draft goes to the learner from this address, so their reply comes back to it. It does one
thing: add a comment to that write-up (and, from the learner, approve it). It never signs anyone
in and changes nothing else. The signature proves Learnlink made it; it expires
LEARNLINK_WRITEUP_REPLY_DAYS after it was mailed (each mailing makes a fresh one). Mail
programs may change the case of an address, so it is written in lower-case hexadecimal.
"""

from __future__ import annotations

import re

from django.conf import settings

from learnlink.lib import dated_tokens
from learnlink.mentoring.models import WriteUp

PREFIX = "writeup+"
PURPOSE = "writeup-reply"
_LOCAL = re.compile(r"^writeup\+([0-9a-f]{1,12})\.([0-9a-f]{1,12})\.([0-9a-f]{16})$")


class BadAddress(Exception):
    """The address speaks for no write-up; the message says why, for the quarantine."""


def reply_address(writeup: WriteUp, issued: int | None = None) -> str:
    token = dated_tokens.make(PURPOSE, writeup.pk, issued=issued)
    return f"{PREFIX}{token}@{settings.LEARNLINK_MAIL_DOMAIN}"


def is_reply_address(local: str, _domain: str = "") -> bool:
    return local.startswith(PREFIX)


def writeup_pk(local: str) -> int | None:
    """The write-up an address names, signed or not (to show a mentor what was set aside)."""
    found = _LOCAL.match(local.lower())
    return int(found.group(1), 16) if found else None


def writeup_for(local: str) -> WriteUp:
    """The write-up a reply address's local part speaks for; BadAddress says why not."""
    found = _LOCAL.match(local.lower())
    if found is None:
        raise BadAddress(f"{local[:100]!r} is not a write-up's reply address")
    pk = int(found.group(1), 16)
    try:
        dated_tokens.read(local.lower().removeprefix(PREFIX), PURPOSE, (int,),
                          settings.LEARNLINK_WRITEUP_REPLY_DAYS)
    except dated_tokens.Forged:
        raise BadAddress(f"the reply address of write-up {pk} was not made by Learnlink "
                         f"(its signature is wrong)") from None
    except dated_tokens.Expired as expired:
        raise BadAddress(f"the reply address of write-up {pk} has expired (mailed "
                         f"{int(expired.days)} days ago, good for "
                         f"{settings.LEARNLINK_WRITEUP_REPLY_DAYS})") from None
    writeup = WriteUp.objects.select_related("learner", "mentor__person", "group").filter(
        pk=pk).first()
    if writeup is None:
        raise BadAddress(f"write-up {pk} no longer exists")
    return writeup


def addresses_of(writeup: WriteUp) -> str:
    """The start of every reply address of this write-up, for finding what was set aside."""
    return f"{PREFIX}{writeup.pk:x}."
