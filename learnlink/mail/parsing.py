"""Raw mail bytes into the facts the rest of Learnlink needs, whatever state the mail is in.

Real mail lies about its charset, gets truncated, carries raw 8-bit headers and forgets its
Message-ID. None of that may cost a farmer their message, so `parse` reads what it can and
lists what was wrong in `defects`; only bytes that are not an email at all raise `ParseError`,
and the caller quarantines them with that reason (the raw bytes are already stored).

Speed: mbox imports must run at 1,000 messages a second. CPython's ``policy.default`` builds
a header object per header and reads about a third as fast as ``compat32``, so we build
``compat32``'s tree (with mime.py's string searches where the mail is well-formed, else with its
parser) and decode only the headers we use, ourselves.
"""

from __future__ import annotations

import functools
import hashlib
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.errors import MissingHeaderBodySeparatorDefect
from email.message import Message
from email.parser import BytesParser
from email.policy import Compat32
from email.utils import parseaddr, parsedate_to_datetime
from typing import TypeVar

from learnlink.mail import mime
from learnlink.mail.charsets import decode_bytes, without_nul
from learnlink.mail.headers import BOUNDED, MAX_HEADER, cut, decode_words
from learnlink.mail.headers import eight_bit as _eight_bit
from learnlink.mail.html import html_to_text, sanitise_html
from learnlink.mail.quotes import split_reply

MAX_SUBJECT = 500
MAX_FILENAME = 255
MAX_DEPTH = 50  # MIME nesting; real mail stays under 10
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
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


class _Verbatim(Compat32):
    """Writes headers back as they were parsed, for saving a nested message as .eml.

    compat32 would refold them through email.header.Header, which changes them and raises
    on a value it takes for an embedded header (a stray vertical tab is enough).
    """

    def fold(self, name: str, value: str) -> str:
        return f"{name}: {value}{self.linesep}"

    def fold_binary(self, name: str, value: str) -> bytes:
        return self.fold(name, value).encode("ascii", "surrogateescape")


_EML_POLICY = _Verbatim()


class ParseError(Exception):
    """The bytes are not an email we can read; `reason` says why, for the quarantine list."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ParsedAttachment:
    filename: str
    content_type: str
    content: bytes = field(repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


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
    body = _Body(defects)
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


# Body -------------------------------------------------------------------------------------------

class _Body:
    """Collects text, HTML and attachments while walking one message's MIME tree."""

    def __init__(self, defects: list[str]) -> None:
        self.texts: list[str] = []
        self.htmls: list[str] = []
        self.attachments: list[ParsedAttachment] = []
        self.defects = defects

    def collect(self, part: Message, *, want_text: bool, want_html: bool, depth: int) -> None:
        """Walk `part`; `want_text`/`want_html` are False inside alternatives not chosen."""
        if depth > MAX_DEPTH:
            self.defects.append(f"MIME parts nested deeper than {MAX_DEPTH} levels were skipped")
            return
        content_type = part.get_content_type()
        if part.is_multipart():  # before get_payload(), which would decode a leaf's text
            children = [child for child in part.get_payload() if isinstance(child, Message)]
            self._container(part, content_type, children, want_text=want_text,
                            want_html=want_html, depth=depth)
        else:
            # A multipart without a usable boundary is one block of text.
            leaf_type = "text/plain" if content_type.startswith("multipart/") else content_type
            self._leaf(part, leaf_type, want_text=want_text, want_html=want_html)
        self.defects.extend(_readable_defect(defect, content_type) for defect in part.defects)

    def _container(self, part: Message, content_type: str, children: list[Message], *,
                   want_text: bool, want_html: bool, depth: int) -> None:
        if content_type in ("message/rfc822", "message/global") and children:
            self._nested_message(part, children[0], want_text=want_text, depth=depth)
        elif content_type.startswith("message/"):
            self._attach(part, content_type, b"".join(map(_message_bytes, children)))
        elif content_type == "multipart/alternative":
            self._alternative(children, want_text=want_text, want_html=want_html, depth=depth)
        else:
            for child in children:
                self.collect(child, want_text=want_text, want_html=want_html, depth=depth + 1)

    def _alternative(self, children: list[Message], *, want_text: bool, want_html: bool,
                     depth: int) -> None:
        """Text from the plain alternative if there is one; HTML from the richest one."""
        plain = next((c for c in children if c.get_content_type() == "text/plain"), None)
        rich = next((c for c in reversed(children)
                     if c.get_content_type() == "text/html" or c.is_multipart()), None)
        for child in children:
            if child is plain:
                self.collect(child, want_text=want_text, want_html=False, depth=depth + 1)
            elif child is rich:
                self.collect(child, want_text=want_text and plain is None,
                             want_html=want_html, depth=depth + 1)
            else:
                self.collect(child, want_text=want_text and plain is None and rich is None,
                             want_html=False, depth=depth + 1)

    def _leaf(self, part: Message, content_type: str, *, want_text: bool,
              want_html: bool) -> None:
        content = _payload_bytes(part)
        if content_type not in ("text/plain", "text/html") or (
                part.get_content_disposition() == "attachment"):
            self._attach(part, content_type, content)
            return
        text, note = decode_bytes(content, part.get_content_charset())
        if note:
            self.defects.append(f"{content_type} part: {note}")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if content_type == "text/plain" and want_text:
            self.texts.append(text)
        elif content_type == "text/html":
            if want_html:
                self.htmls.append(text)
            if want_text:
                self.texts.append(html_to_text(text))

    def _nested_message(self, part: Message, inner: Message, *, want_text: bool,
                        depth: int) -> None:
        """Keep a forwarded message whole as .eml, and its text readable after ours."""
        self._attach(part, "message/rfc822", _message_bytes(inner))
        if not want_text:
            return
        nested = _Body(self.defects)
        nested.collect(inner, want_text=True, want_html=False, depth=depth + 1)
        self.texts.append(self._forwarded_text(inner, "\n\n".join(nested.texts)))

    def _forwarded_text(self, inner: Message, text: str) -> str:
        """The nested message as a mail client shows a forward, so quotes.py recognises it."""
        lines = ["---------- Forwarded message ----------"]
        for name in ("From", "Date", "Subject", "To"):
            value = inner.get_all(name)
            if value:
                written = _eight_bit(str(value[0]), self.defects, name)
                decoded = decode_words(written, self.defects, name)
                lines.append(f"{name}: {decoded}")
        return "\n".join(lines) + "\n\n" + text.strip("\n")

    def _attach(self, part: Message, content_type: str, content: bytes) -> None:
        number = len(self.attachments) + 1
        self.attachments.append(ParsedAttachment(
            filename=self._filename(part, content_type, number),
            content_type=content_type,
            content=content,
        ))

    def _filename(self, part: Message, content_type: str, number: int) -> str:
        """The sender's file name made safe to save and show, or "attachment-N.ext"."""
        name = decode_words(_raw_filename(part, self.defects), self.defects, "filename")
        return _safe_filename(name) or f"attachment-{number}{_extension(content_type)}"


def _raw_filename(part: Message, defects: list[str]) -> str:
    """The filename (or name) parameter, RFC 2231 decoded, raw 8-bit bytes decoded too.

    compat32 turns raw 8-bit bytes in a parameter into U+FFFD, so when there are any the two
    headers are decoded first and their parameters read from a clean copy.
    """
    headers = [(name, cut(str(value))) for name, value in part.raw_items()
               if name.lower() in ("content-disposition", "content-type")]
    if all(value.isascii() for _, value in headers):
        return _get_filename(part, defects)
    clean = Message(policy=BOUNDED)
    for name, value in headers:
        clean[name] = _eight_bit(value, defects, "filename")
    return _get_filename(clean, defects)


def _get_filename(part: Message, defects: list[str]) -> str:
    """get_filename(), which raises ValueError for an RFC 2231 charset that cannot even be
    looked up (a NUL in it): the name is unreadable, and the file is named from its type."""
    try:
        return part.get_filename() or ""
    except ValueError:
        defects.append("filename: an unreadable RFC 2231 charset")
        return ""


def _payload_bytes(part: Message) -> bytes:
    """The decoded content (base64, quoted-printable, uuencode), or the bytes as they came."""
    content = part.get_payload(decode=True)
    return content if isinstance(content, bytes) else b""


def _message_bytes(message: Message) -> bytes:
    """A nested message as bytes again, as close to what was sent as the parser allows.

    The bytes generator writes raw 8-bit content back unchanged, but fails where the parser
    had to put U+FFFD (a boundary with 8-bit bytes); the text generator then writes UTF-8.
    """
    try:
        return message.as_bytes(policy=_EML_POLICY)
    except UnicodeEncodeError:
        return message.as_string(policy=_EML_POLICY).encode("utf-8", "surrogateescape")


def _safe_filename(name: str) -> str:
    """No directories, no control or invisible characters, no leading dots, at most 255."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(character for character in name if character.isprintable()).strip(" .")
    if len(name) <= MAX_FILENAME:
        return name
    stem, dot, extension = name.rpartition(".")
    if dot and 0 < len(extension) <= 16:
        return f"{stem[: MAX_FILENAME - len(extension) - 1]}.{extension}"
    return name[:MAX_FILENAME]


def _extension(content_type: str) -> str:
    return mimetypes.guess_extension(content_type) or ".bin"


def _readable_defect(defect: Exception, content_type: str) -> str:
    """'CloseBoundaryNotFoundDefect' in a multipart/mixed -> 'multipart/mixed: close ...'."""
    words = _CAMEL.sub(" ", type(defect).__name__.removesuffix("Defect")).lower()
    return f"{content_type}: {words}"
