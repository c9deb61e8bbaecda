"""A received message made ready for a list: headers replaced, a footer added, the rest kept.

The original bytes keep their structure (attachments, HTML, signatures) as Mailman keeps them;
only the headers we own change, and the footer goes where every mail reader shows it: at the
end of a single text/plain body, or as a text part of its own.
"""

from __future__ import annotations

import email
import re
from email.generator import BytesGenerator
from email.message import Message
from io import BytesIO
from typing import Any

from learnlink.mail.charsets import decode_bytes
from learnlink.mail.headers import MAX_HEADER, BoundedCompat32, cut

MAX_LINE = 990
_BARE_LINE_BREAK = re.compile(r"\r(?!\n)|\n(?![ \t])")
CONTENT_HEADERS = ("Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
                   "Content-Description", "Content-ID", "MIME-Version")


class _AsReceived(BoundedCompat32):
    """Headers written back as they came, each at most MAX_HEADER characters in lines SMTP
    carries. compat32 would refold every value through email.header.Header, in time that
    grows with the square of its length (40 KB of short words: 3.4 s; a 9 MB message of such
    headers held the posting transaction for minutes). Text of our own that is not ASCII yet
    still goes through Header, to be encoded for mail."""

    def fold_binary(self, name: str, value: Any) -> bytes:
        if not isinstance(value, str) or _BARE_LINE_BREAK.search(value):
            return super().fold_binary(name, value)
        try:
            data = f"{name}: {cut(value, MAX_HEADER)}".encode("ascii", "surrogateescape")
        except UnicodeEncodeError:
            return super().fold_binary(name, value)
        return b"\n".join(_fit(line, continued=True) for line in data.split(b"\n")) + b"\n"


_AS_RECEIVED = _AsReceived()


def decorate(raw: bytes, *, headers: dict[str, str], drop: tuple[str, ...],
             footer: str) -> bytes:
    """`raw` with `drop` headers removed, `headers` set, and `footer` added to the text."""
    message = email.message_from_bytes(raw, policy=_AS_RECEIVED)
    for name in (*drop, *headers):
        del message[name]
    for name, value in headers.items():
        message[name] = value
    _add_footer(message, footer)
    return as_bytes(message)


def as_bytes(message: Message) -> bytes:
    """Headers are not refolded: what we set is short, and what came keeps its own folding.
    Body lines are fitted to SMTP's limit, so no relay refuses the message for its shape."""
    out = BytesIO()
    BytesGenerator(out, mangle_from_=False, policy=_AS_RECEIVED).flatten(message)
    head, blank, body = out.getvalue().partition(b"\n\n")
    return head + blank + b"\n".join(_fit(line) for line in body.split(b"\n"))


def text_part(text: str, subtype: str = "plain") -> Message:
    part = Message()
    part["Content-Type"] = f'text/{subtype}; charset="utf-8"'
    part["Content-Transfer-Encoding"] = "8bit"
    set_text(part, text)
    return part


def set_text(part: Message, text: str) -> None:
    """UTF-8 sent as 8-bit (every relay takes 8BITMIME): smaller than base64 for learners who
    pay by the megabyte, and the footer's tokens stay findable in the bytes."""
    part.set_payload(text.encode("utf-8").decode("ascii", "surrogateescape"))


def _fit(line: bytes, *, continued: bool = False) -> bytes:
    """SMTP carries lines of at most 998 bytes (RFC 5321): a longer one is broken at a space,
    or where it must, as Postfix itself would break it. A header's line goes on after a
    blank (`continued`), as folding requires."""
    pieces = []
    while len(line) > MAX_LINE:
        at = line.rfind(b" ", 1, MAX_LINE)
        if at <= 0:
            at = MAX_LINE
            while at > MAX_LINE - 4 and (line[at] & 0xC0) == 0x80:  # not inside a character
                at -= 1
        pieces.append(line[:at])
        line = line[at:] if continued else line[at:].lstrip(b" ")
        if continued and not line.startswith((b" ", b"\t")):
            line = b" " + line
    return b"\n".join([*pieces, line])


def _add_footer(message: Message, footer: str) -> None:
    content_type = message.get_content_type()
    if content_type == "text/plain" and not message.is_multipart():
        payload = message.get_payload(decode=True)
        body, _note = decode_bytes(payload if isinstance(payload, bytes) else b"",
                                   message.get_content_charset())
        del message["Content-Transfer-Encoding"]
        message.set_param("charset", "utf-8")
        message["Content-Transfer-Encoding"] = "8bit"
        set_text(message, body.rstrip("\n") + "\n\n" + footer)
    elif content_type == "multipart/mixed":
        message.attach(text_part(footer))
    else:
        _wrap_with_footer(message, footer)


def _wrap_with_footer(message: Message, footer: str) -> None:
    """HTML-only and multipart/alternative mail: the original body becomes the first part of a
    multipart/mixed, the footer the second."""
    inner = Message()
    for name in CONTENT_HEADERS[:-1]:
        for value in message.get_all(name, []):
            inner[name] = value
    inner.set_payload(message.get_payload())
    for name in CONTENT_HEADERS:
        del message[name]
    message["MIME-Version"] = "1.0"
    message["Content-Type"] = "multipart/mixed"
    message.set_payload([inner, text_part(footer)])
