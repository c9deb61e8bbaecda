"""Each write-up's own reply address: `writeup+PK.ISSUED.SIGNATURE@` the mail domain.

The draft goes to the learner from this address, so their reply comes back to it. It does one
thing: add a comment to that write-up (and, from the learner, approve it). It never signs anyone
in and changes nothing else. The signature proves Learnlink made it; it expires
LEARNLINK_WRITEUP_REPLY_DAYS after it was mailed (each mailing makes a fresh one). Mail
programs may change the case of an address, so it is written in lower-case hexadecimal.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time

from django.conf import settings

from learnlink.mentoring.models import WriteUp

PREFIX = "writeup+"
_LOCAL = re.compile(r"^writeup\+([0-9a-f]{1,12})\.([0-9a-f]{1,12})\.([0-9a-f]{16})$")


class BadAddress(Exception):
    """The address speaks for no write-up; the message says why, for the quarantine."""


def _signature(pk: int, issued: int) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"writeup-reply:{pk}:{issued}".encode(),
                    hashlib.sha256).hexdigest()[:16]


def reply_address(writeup: WriteUp, issued: int | None = None) -> str:
    stamp = int(time.time()) if issued is None else issued
    local = f"{PREFIX}{writeup.pk:x}.{stamp:x}.{_signature(writeup.pk, stamp)}"
    return f"{local}@{settings.LEARNLINK_MAIL_DOMAIN}"


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
    pk, issued = int(found.group(1), 16), int(found.group(2), 16)
    if not hmac.compare_digest(found.group(3), _signature(pk, issued)):
        raise BadAddress(f"the reply address of write-up {pk} was not made by Learnlink "
                         f"(its signature is wrong)")
    days = (time.time() - issued) / 86400
    if days > settings.LEARNLINK_WRITEUP_REPLY_DAYS:
        raise BadAddress(f"the reply address of write-up {pk} has expired (mailed "
                         f"{int(days)} days ago, good for "
                         f"{settings.LEARNLINK_WRITEUP_REPLY_DAYS})")
    writeup = WriteUp.objects.select_related("learner", "mentor__person", "group").filter(
        pk=pk).first()
    if writeup is None:
        raise BadAddress(f"write-up {pk} no longer exists")
    return writeup


def addresses_of(writeup: WriteUp) -> str:
    """The start of every reply address of this write-up, for finding what was set aside."""
    return f"{PREFIX}{writeup.pk:x}."
