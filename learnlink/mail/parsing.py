"""Raw mail bytes into the facts the rest of Learnlink needs, whatever state the mail is in.

Real mail lies about its charset, gets truncated, carries raw 8-bit headers and forgets its
Message-ID. None of that may cost a farmer their message, so `parse` reads what it can and
lists what was wrong in `defects`; only bytes that are not an email at all raise `ParseError`,
and the caller quarantines them with that reason (the raw bytes are already stored).

Speed: mbox imports must run at 1,000 messages a second. CPython's ``policy.default`` builds
a header object per header and reads about a third as fast as ``compat32``, so we build
``compat32``'s tree (with mime.py's string searches where the mail is well-formed, else with its
parser) and decode only the headers we use, ourselves. The body's parts are read in body.py.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.errors import MissingHeaderBodySeparatorDefect
from email.message import Message
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from typing import TypeVar

from learnlink.mail import mime
from learnlink.mail.body import Body, ParsedAttachment
from learnlink.mail.charsets import without_nul
from learnlink.mail.headers import BOUNDED, MAX_HEADER, cut, decode_words
from learnlink.mail.headers import eight_bit as _eight_bit
from learnlink.mail.html import sanitise_html
from learnlink.mail.quotes import split_reply

MAX_SUBJECT = 500
MAX_VALUES = 100  # of one header name that are read (Received: is the one that repeats)
EARLIEST_DATE = datetime(1970, 1, 1, tzinfo=UTC)
INVALID_ID_DOMAIN = "learnlink.invalid"

_Parsed = TypeVar("_Parsed")
_PARSER = BytesParser(policy=BOUNDED)
_BOM = b"\xef\xbb\xbf"
# What the parser takes for a header line (email.feedparser.headerRE), in bytes.
_HEADER_START = re.compile(rb"From |[\x21-\x39\x3b-\x7e]*:|[\t ]")
# Without at least one of these, the bytes are some other kind of file.
_MESSAGE_HEADERS = frozenset({
    "from", "sender", "to", "cc", "subject", "date", "message-id", "received",
    "return-path", "mime-version", "in-reply-to", "references",
})
_ANGLE_ID = re.compile(r"<([^<>]*)>")
_AUTO_SUBJECT = re.compile(
    r"\s*(?:auto:|automatic reply|auto[- ]?re(?:ply|sponse)|out of (?:the )?office"
    r"|réponse automatique|abwesenheitsnotiz|jibu la kiotomatiki)",
    re.IGNORECASE,
)
_AUTO_SUPPRESS_WORDS = ("all", "oof", "autoreply")
_BULK_PRECEDENCE = frozenset({"bulk", "junk"})


class ParseError(Exception):
    """The bytes are not an email we can read; `reason` says why, for the quarantine list."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class HeaderInfo:
    """What threading and de-duplication need, read from the header alone."""

    message_id: str
    references: list[str]
    in_reply_to: str | None
    subject: str
    from_name: str
    from_address: str
    date: datetime | None


@dataclass(frozen=True, slots=True)
class ParsedMessage(HeaderInfo):
    """Everything derived from one message's bytes; `learnlink reparse` can always redo it."""

    text: str
    new_text: str
    quoted: str
    signature: str
    html: str
    attachments: list[ParsedAttachment]
    auto_reply: str
    list_ids: list[str]
    loop_markers: list[str]
    defects: list[str]

    @property
    def first_line(self) -> str:
        """The first line of the sender's own words (quotes and signature cut): where every
        reply by mail (a command, a decision, a date) is read."""
        return first_line(self.new_text)


def first_line(text: str) -> str:
    """The first line of `text` that says anything, stripped; '' when none does."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _only_parse_errors(function: Callable[[bytes], _Parsed]) -> Callable[[bytes], _Parsed]:
    """Make `function` raise nothing but ParseError, whatever the bytes are.

    Any other failure is a bug in this module, but the message must still reach the quarantine
    with a reason rather than crash an import, so it becomes ParseError("parser failure: ...").
    """
    @functools.wraps(function)
    def guarded(raw: bytes) -> _Parsed:
        try:
            return function(raw)
        except ParseError:
            raise
        except RecursionError as error:
            raise ParseError("MIME parts nested too deeply to read") from error
        except Exception as error:
            raise ParseError(f"parser failure: {type(error).__name__}: {error}") from error

    return guarded


@_only_parse_errors
def parse_headers(raw: bytes) -> HeaderInfo:
    """Read only the header block, for paths that need ids, subject, sender and date."""
    _, headers, _ = _read(raw, headers_only=True)
    return _header_info(headers, raw, [])


def derived_message_id(raw: bytes) -> str:
    """A stable id for mail that has none, so the same bytes twice are still one message."""
    return f"{hashlib.sha256(raw).hexdigest()[:32]}@{INVALID_ID_DOMAIN}"


@_only_parse_errors
def parse(raw: bytes) -> ParsedMessage:
    """Parse a whole message: headers, text split into new, quoted and signature, HTML, files."""
    if mime.more_parts_than(raw):
        raise ParseError(mime.TOO_MANY_PARTS)
    message, headers, refolded = _read(raw, headers_only=False)
    defects: list[str] = []
    if refolded:
        defects.append("header lines without leading whitespace joined to the header above")
    info = _header_info(headers, raw, defects)
    body = Body(defects)
    body.collect(message, want_text=True, want_html=True, depth=0)
    pieces = (piece.strip("\n") for piece in body.texts if piece.strip())
    text = without_nul("\n\n".join(pieces), defects)
    reply = split_reply(text)
    return ParsedMessage(
        message_id=info.message_id, references=info.references, in_reply_to=info.in_reply_to,
        subject=info.subject, from_name=info.from_name, from_address=info.from_address,
        date=info.date, text=text, new_text=reply.new_text, quoted=reply.quoted,
        signature=reply.signature, html=sanitise_html("\n".join(body.htmls)),
        attachments=body.attachments, auto_reply=_auto_reply(headers, info.subject),
        list_ids=[_list_id(value) for value in headers.get("list-id", [])],
        loop_markers=[" ".join(value.split()).lower() for value in headers.get("x-loop", [])],
        defects=list(dict.fromkeys(defects)),
    )


def _read(raw: bytes, *, headers_only: bool) -> tuple[Message, dict[str, list[str]], bool]:
    """Parse as compat32 does (see mime.py for the fast way); say whether the header block had
    to be repaired first.

    A byte-order mark some Windows tools write first is skipped. A header continued on a line
    without leading whitespace ends the header block for the parser, and the From or Date
    below it would be read as body text: such a message is parsed again, refolded.
    """
    data = raw.removeprefix(_BOM)
    message = mime.read(data, headers_only=headers_only)
    refolded = False
    if message is None:
        if _separator_missing(_parse_bytes(data, headers_only=True)):
            repaired = _refold(data)
            refolded, data = repaired != data, repaired
        message = (mime.read(data, headers_only=headers_only)
                   or _parse_bytes(data, headers_only=headers_only))
    return message, _headers_of(message), refolded


def _parse_bytes(data: bytes, *, headers_only: bool) -> Message:
    if headers_only:
        return _PARSER.parsebytes(data[: _header_end(data)], headersonly=True)
    return _PARSER.parsebytes(data)


def _separator_missing(message: Message) -> bool:
    return any(isinstance(defect, MissingHeaderBodySeparatorDefect) for defect in message.defects)


def _header_end(raw: bytes) -> int:
    """Where the header block ends: just after the line before the first blank line."""
    blank = mime.blank_line(raw.decode("ascii", "surrogateescape"))  # one character per byte
    return len(raw) if blank is None else blank[0]


def _refold(data: bytes) -> bytes:
    """Indent header-block lines that have no name, when more header lines follow them."""
    end = _header_end(data)
    lines = data[:end].split(b"\n")
    named = [index for index, line in enumerate(lines) if _HEADER_START.match(line)]
    last = named[-1] if named else 0
    fixed = [b" " + line if 0 < index < last and not _HEADER_START.match(line) else line
             for index, line in enumerate(lines)]
    return b"\n".join(fixed) + data[end:]


def _headers_of(message: Message) -> dict[str, list[str]]:
    """Header values by lower-case name, as stored (raw 8-bit bytes still surrogate-escaped),
    each bounded (see headers.py): the first MAX_VALUES of a name, MAX_HEADER characters each."""
    headers: dict[str, list[str]] = {}
    for name, value in message.raw_items():
        values = headers.setdefault(name.strip().lower(), [])
        if len(values) < MAX_VALUES:
            values.append(cut(str(value), MAX_HEADER))
    if not headers.keys() & _MESSAGE_HEADERS:
        raise ParseError("not an email: no From, To, Subject, Date or Message-ID header")
    return headers


# Headers ----------------------------------------------------------------------------------------

def _header_info(headers: dict[str, list[str]], raw: bytes, defects: list[str]) -> HeaderInfo:
    for name in ("message-id", "subject", "from", "date"):
        if len(headers.get(name, [])) > 1:
            defects.append(f"{len(headers[name])} {name} headers; the first is used")
    message_id = _message_id(_first(headers, "message-id", defects))
    if not message_id:
        message_id = derived_message_id(raw)
        defects.append(f"no Message-ID; using {message_id}")
    in_reply_to = next(iter(_reference_ids(_first(headers, "in-reply-to", defects))), None)
    subject = decode_words(_first(headers, "subject", defects), defects, "subject")[:MAX_SUBJECT]
    from_name, from_address = _sender(headers, defects)
    return HeaderInfo(
        message_id=message_id,
        references=_references(headers, message_id, in_reply_to, defects),
        in_reply_to=in_reply_to, subject=subject, from_name=from_name,
        from_address=from_address, date=_date(_first(headers, "date", defects), defects),
    )


def _first(headers: dict[str, list[str]], name: str, defects: list[str]) -> str:
    """The first value of a header as text, raw 8-bit bytes decoded; "" when absent."""
    values = headers.get(name)
    return _eight_bit(values[0], defects, name) if values else ""


def _message_id(value: str) -> str:
    """The id inside the first <...>, or the first bare word; without spaces or brackets."""
    ids = _ids(value)
    if ids:
        return ids[0]
    words = value.split()
    return words[0].strip("<>") if words else ""


def _ids(value: str) -> list[str]:
    """Every <id> in `value`, whatever comments or dates lie between them."""
    found = ("".join(match.split()) for match in _ANGLE_ID.findall(value))
    return [identifier for identifier in found if identifier]


def _reference_ids(value: str) -> list[str]:
    """The ids of an In-Reply-To or References header: every <id>; or, in a header without
    brackets, its words if each has an @, as a bare Message-ID is read. Mailman 3's web archive
    (HyperKitty) writes its replies' In-Reply-To bare; free text without brackets ("your message
    of 3 March") names nothing."""
    if "<" in value:
        return _ids(value)
    words = value.split()
    return words if all("@" in word for word in words) else []


def _references(headers: dict[str, list[str]], message_id: str, in_reply_to: str | None,
                defects: list[str]) -> list[str]:
    """References oldest first, ending with the direct parent.

    When an id repeats, its last place wins, so an In-Reply-To appended at the end stays the
    parent even if a client listed it earlier (or backwards, as notmuch's corpus shows).
    """
    ids = [identifier
           for index, value in enumerate(headers.get("references", []))
           for identifier in _reference_ids(_eight_bit(value, defects,
                                                       f"references {index + 1}"))]
    if in_reply_to and (not ids or ids[-1] != in_reply_to):
        ids.append(in_reply_to)
    unique = list(dict.fromkeys(reversed(ids)))
    return [identifier for identifier in reversed(unique) if identifier != message_id]


def _sender(headers: dict[str, list[str]], defects: list[str]) -> tuple[str, str]:
    """Name and lower-case address from From, or else Sender, or else Return-Path."""
    for name in ("from", "sender", "return-path"):
        display, address = parseaddr(_first(headers, name, defects)[:2000])
        if "@" in address:
            return decode_words(display, defects, name), address.strip().lower()
    defects.append("no sender address")
    return decode_words(_first(headers, "from", defects), defects, "from"), ""


def _date(value: str, defects: list[str]) -> datetime | None:
    """The Date header in UTC, or None when it is missing, unreadable or impossible."""
    if not value.strip():
        return None
    try:
        parsed = parsedate_to_datetime(value)
        date = (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append(f"unreadable date {value.strip()[:60]!r}")
        return None
    if not EARLIEST_DATE <= date <= datetime.now(UTC) + timedelta(days=1):
        defects.append(f"impossible date {value.strip()[:60]!r}")
        return None
    return date


def _auto_reply(headers: dict[str, list[str]], subject: str) -> str:
    """Why this looks written by a machine (RFC 3834 and what Exchange and others do), or ""."""
    def value(name: str) -> str:
        return " ".join(headers.get(name, [""])[0].split())

    submitted = value("auto-submitted").lower()
    if submitted and submitted != "no":
        return f"auto-reply (Auto-Submitted: {submitted})"
    for name, label in (("x-autoreply", "X-Autoreply"), ("x-autorespond", "X-Autorespond")):
        if name in headers:
            return f"vacation reply ({label})"
    precedence = value("precedence").lower()
    if precedence in _BULK_PRECEDENCE:
        return f"{precedence} mail (Precedence: {precedence})"
    suppress = value("x-auto-response-suppress")
    if any(word in suppress.lower() for word in _AUTO_SUPPRESS_WORDS):
        return f"automatic message (X-Auto-Response-Suppress: {suppress})"
    if _AUTO_SUBJECT.match(subject):
        return f"out-of-office reply (Subject: {subject[:60]})"
    return ""


def _list_id(value: str) -> str:
    ids = _ids(value)
    return (ids[0] if ids else " ".join(value.split())).lower()

