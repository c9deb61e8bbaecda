"""An outgoing message as its recipients would read it: the main headers and the text parts,
with the per-recipient token hidden (it is a member's key to their membership).

Mail sent to one person carries such keys written in (a sign-in link, a member's page, a
subscription to confirm, an address to prove): they are hidden too, so that reading this page
never lets a mentor act as someone else.
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass
from email.message import Message

from django.conf import settings

from learnlink.mail.charsets import decode_bytes
from learnlink.mail.headers import BOUNDED, header_text
from learnlink.mail.models import Outgoing

SHOWN_HEADERS = ("From", "To", "Reply-To", "Subject", "Date", "List-Id", "List-Unsubscribe")
HIDDEN = "…"
MAX_TEXT = 30_000  # characters of text shown (pages weigh at most 50 KB); the page says so


@dataclass(frozen=True)
class Readable:
    headers: list[tuple[str, str]]
    texts: list[str]
    size: int
    cut: bool  # some text is not shown: it was longer than MAX_TEXT


def readable(item: Outgoing, whole: bool = False) -> Readable:
    """`whole` (only where mail.permissions.shows_mail_whole says so): as its first recipient
    got it, keys and all. Read with compat32 and bounded headers (see headers.py):
    policy.default decoded a subject of 70,000 encoded words into 23.9 GB."""
    raw = item.bytes_for(_first_token(item) if whole else HIDDEN)
    message = email.message_from_bytes(raw, policy=BOUNDED)
    shown = _unchanged if whole else hide_keys
    values: dict[str, str] = {}
    for name, value in message.raw_items():
        values.setdefault(name.lower(), str(value))
    headers = [(name, shown(header_text(values[name.lower()], name)))
               for name in SHOWN_HEADERS if values.get(name.lower())]
    texts, left = [], MAX_TEXT
    for part in message.walk():
        if left > 0 and part.get_content_type() == "text/plain" and not _is_attachment(part):
            text = _text(part)[:left]
            left -= len(text)
            texts.append(shown(text))
    return Readable(headers, texts, len(raw), cut=left <= 0)


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment"


def _text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    text, _note = decode_bytes(payload if isinstance(payload, bytes) else b"",
                               part.get_content_charset())
    return text


def _first_token(item: Outgoing) -> str:
    return item.deliveries.order_by("pk").values_list("token", flat=True).first() or ""


def _unchanged(text: str) -> str:
    return text


def hide_keys(text: str) -> str:
    """Keys in links to Learnlink (a path segment that is long hex, or long and holds '.', ':',
    '_' or capitals, as signed tokens do) and in a reply address (SLUG+confirm+HEX@)."""
    base = settings.LEARNLINK_BASE_URL
    text = re.sub(re.escape(base) + r"(/[^\s<>\"']*)", lambda link: base + "/".join(
        HIDDEN if _is_key(segment) else segment for segment in link.group(1).split("/")),
        text)
    return re.sub(r"\+[0-9a-f]{20,}@", f"+{HIDDEN}@", text)


def _is_key(segment: str) -> bool:
    return len(segment) >= 20 and bool(re.fullmatch(r"[0-9a-f]+", segment)
                                       or re.search(r"[.:_A-Z]", segment))
