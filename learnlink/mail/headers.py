"""Header values read within bounds: whatever a header holds, reading it costs linear time.

A header is hostile input like any other. CPython decodes RFC 2047 encoded words, parses
parameters (Content-Type's `;`) and refolds long values in time and memory that grow faster
than the value: a Subject of 70,000 encoded words on one 1 MB line grew the web process to
23.9 GB, and 100 KB of `a; ` in a quoted parameter costs 2.5 s each time it is read. So every
value is cut before it is decoded or parsed, at a blank where one is near so an encoded word
is not cut in two. The original bytes are never changed (they are stored before we answer);
the bounds apply to what we derive from them, store, show and send on.
"""

from __future__ import annotations

from email.errors import HeaderParseError
from email.header import decode_header
from email.policy import Compat32
from typing import Any

from learnlink.mail.charsets import decode_bytes

MAX_HEADER = 32 * 1024  # characters of one value that we read at all (References can be long)
MAX_FETCHED = 4 * 1024  # of a value the email package parses for us (Content-Type ...)
MAX_PARAMETERS = 64  # `;` in such a value: each costs a scan of the value before it
MAX_ENCODED_WORDS = 100  # a 500-character subject in Japanese needs about 35
MAX_SHOWN = 2000  # characters of a header shown on a page
_CONTROLS = dict.fromkeys([*range(0x20), 0x7F], " ")


def cut(value: str, limit: int = MAX_HEADER) -> str:
    """At most `limit` characters, ending before a blank when one is in the last tenth."""
    if len(value) <= limit:
        return value
    blank = max(value.rfind(" ", 0, limit), value.rfind("\t", 0, limit))
    return value[:blank] if blank > limit - limit // 10 else value[:limit]


def cut_parameters(value: str, limit: int = MAX_PARAMETERS) -> str:
    """`value` before its (limit + 1)th `;`: the email package scans the value once per `;`."""
    at = -1
    for _parameter in range(limit + 1):
        at = value.find(";", at + 1)
        if at < 0:
            return value
    return value[:at]


class BoundedCompat32(Compat32):
    """compat32 whose header values, as the email package reads them (content type, charset,
    boundary, file name: `get`, `get_param`, `get_all`), are bounded in length and in `;`.
    `raw_items()` still gives them whole, for writing a message back out."""

    def header_fetch_parse(self, name: str, value: Any) -> Any:
        if isinstance(value, str):
            value = cut_parameters(cut(value, MAX_FETCHED))
        return super().header_fetch_parse(name, value)


BOUNDED = BoundedCompat32()


def decode_words(value: str, defects: list[str], where: str, limit: int = MAX_HEADER) -> str:
    """Text of a header: RFC 2047 encoded words decoded (their charsets repaired), at most
    MAX_ENCODED_WORDS of them, from the first `limit` characters; whitespace folded, no
    control characters."""
    bounded = _fewer_words(cut(value, limit))
    if len(bounded) < len(value):
        defects.append(f"{where}: {len(value):,} characters; only the first "
                       f"{len(bounded):,} were read")
    if "=?" in bounded and bounded.isascii():
        try:
            pieces = decode_header(bounded)
        except HeaderParseError:
            defects.append(f"{where}: undecodable encoded word, kept as written")
        else:
            bounded = "".join(_decoded_piece(piece, charset, defects, where)
                              for piece, charset in pieces)
    return " ".join(bounded.translate(_CONTROLS).split())


def eight_bit(value: str, defects: list[str], where: str) -> str:
    """Undo the parser's surrogate escapes: raw 8-bit header bytes, decoded by their content.

    Raw ISO-2022-JP is 7-bit but needs decoding too; it is recognised by its escape bytes.
    """
    if value.isascii() and "\x1b" not in value:
        return value
    text, note = decode_bytes(value.encode("utf-8", "surrogateescape"), None)
    if note:
        defects.append(f"{where}: raw 8-bit header, {note}")
    return text


def header_text(value: str, where: str) -> str:
    """A header as a page shows it: raw 8-bit bytes and encoded words decoded, bounded."""
    return shown(decode_words(eight_bit(cut(value), [], where), [], where))


def shown(text: str, limit: int = MAX_SHOWN) -> str:
    return text if len(text) <= limit else cut(text, limit) + " …"


def _fewer_words(value: str) -> str:
    """`value` before its (MAX_ENCODED_WORDS + 1)th encoded word, at the blank before it."""
    at = -1
    for _word in range(MAX_ENCODED_WORDS + 1):
        at = value.find("=?", at + 1)
        if at < 0:
            return value
    return value[:at].rstrip()


def _decoded_piece(piece: bytes | str, charset: str | None, defects: list[str],
                   where: str) -> str:
    if isinstance(piece, str):
        return piece
    text, note = decode_bytes(piece, charset)
    if note:
        defects.append(f"{where}: {note}")
    return text
