"""DKIM signatures on outgoing mail, when the installation has a key (dkimpy).

Footers and List-Unsubscribe differ per recipient, so each copy is signed on its own; without
DKIM_KEY_FILE nothing is signed and the sender fills in tokens without re-rendering.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import dkim
from django.conf import settings

SIGNED_HEADERS = [b"from", b"to", b"cc", b"subject", b"date", b"message-id", b"reply-to",
                  b"in-reply-to", b"references", b"list-id", b"list-unsubscribe",
                  b"list-unsubscribe-post", b"mime-version", b"content-type"]


@cache
def _key(path: str) -> bytes:
    return Path(path).read_bytes()


def dkim_sign(raw: bytes) -> bytes:
    """`raw` with a DKIM-Signature header in front (relaxed/relaxed, rsa-sha256)."""
    signature = dkim.sign(raw, settings.DKIM_SELECTOR.encode(),
                          (settings.DKIM_DOMAIN or settings.LEARNLINK_MAIL_DOMAIN).encode(),
                          _key(settings.DKIM_KEY_FILE), canonicalize=(b"relaxed", b"relaxed"),
                          include_headers=SIGNED_HEADERS)
    return signature + raw
