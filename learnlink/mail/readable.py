"""An outgoing message as its recipients would read it: the main headers and the text parts,
with the per-recipient token hidden (it is a member's key to their membership)."""

from __future__ import annotations

import email
from dataclasses import dataclass
from email.policy import default

from learnlink.mail.models import Outgoing

SHOWN_HEADERS = ("From", "To", "Reply-To", "Subject", "Date", "List-Id", "List-Unsubscribe")
HIDDEN = "…"


@dataclass(frozen=True)
class Readable:
    headers: list[tuple[str, str]]
    texts: list[str]
    size: int


def readable(item: Outgoing) -> Readable:
    raw = item.bytes_for(HIDDEN)
    message = email.message_from_bytes(raw, policy=default)
    headers = [(name, str(message[name])) for name in SHOWN_HEADERS if message[name]]
    texts = [part.get_content() for part in message.walk()
             if part.get_content_type() == "text/plain" and not part.is_attachment()]
    return Readable(headers, texts, len(raw))
