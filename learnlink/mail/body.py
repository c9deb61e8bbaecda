"""The body of a message: its MIME tree walked into text, HTML and files.

Which alternative gives the text and which the HTML, a forwarded message kept whole as .eml with
its text readable after ours, file names made safe to save, and every defect the parser found
said in words. `parsing.parse` reads the tree and the headers; this module reads the parts.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass, field
from email.message import Message
from email.policy import Compat32

from learnlink.mail.charsets import decode_bytes
from learnlink.mail.headers import BOUNDED, cut, decode_words
from learnlink.mail.headers import eight_bit as _eight_bit
from learnlink.mail.html import html_to_text

MAX_FILENAME = 255
MAX_DEPTH = 50  # MIME nesting; real mail stays under 10
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


@dataclass(frozen=True, slots=True)
class ParsedAttachment:
    filename: str
    content_type: str
    content: bytes = field(repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


class Body:
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
        nested = Body(self.defects)
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
