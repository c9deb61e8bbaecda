"""Well-formed mail read with string searches, into the tree compat32's parser would build.

A fast path kept for the third of parsing it saves: bench/import.py's parsing workers spend
0.44 ms of CPU a message with it, 0.67 without (the import's whole CPU 18% less).

CPython's feed parser examines every line in Python: a message with an HTML alternative and a
file costs it milliseconds, and reading header blocks line by line was a third of an import's
parsing. Here a header block is cut into fields, and a multipart body at its boundary lines,
by string and regular-expression searches, building the same `email.message.Message` objects
with the same headers, payloads, preambles and epilogues.

Only plainly well-formed input is read so. Whatever the parser would record a defect for or
treat specially (a line that is not a header, a "From " line, a bare CR, a missing or doubled
boundary, an attached message, a digest) gives None, and the caller hands the bytes to the
parser itself. tests/mail/test_mime.py compares both trees over real and torture-test mail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import Message

from learnlink.mail.headers import BOUNDED

MAX_DEPTH = 20  # deeper nesting goes to the parser, which reports it
MAX_PARTS = 1000  # boundary lines in one message; real mail has a few, a digest a few hundred
MAX_BOUNDARIES = 100
TOO_MANY_PARTS = f"more than {MAX_PARTS:,} MIME parts, or nested too deeply to read"
# A field: its name (RFC 5322 ftext), a colon, the rest of the line and the lines continuing it.
_FIELDS = re.compile(r"([\x21-\x39\x3b-\x7e]+):([^\n]*(?:\n[ \t][^\n]*)*(?:\n|\Z))")
_PLAIN_ENCODINGS = ("7bit", "8bit", "binary")
_BOUNDARY = re.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))', re.IGNORECASE)


def read(data: bytes, *, headers_only: bool = False) -> Message | None:
    """The message, or None when the parser should read these bytes itself."""
    text = data.decode("ascii", "surrogateescape")
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None  # a bare CR ends a line for the parser: rare, and left to it
    return _message(text, headers_only=headers_only, depth=0)


def more_parts_than(data: bytes, limit: int = MAX_PARTS) -> bool:
    """Whether `data` has more than `limit` boundary lines, counted with searches before any
    part is built: the parser and the generator spend a fraction of a millisecond on each
    part, and 10 MB holds 200,000 of them. Declaring more than MAX_BOUNDARIES boundaries
    counts as too many as well (each would be one more search)."""
    if data.count(b"\n--") <= limit:
        return False
    boundaries = {quoted or bare for quoted, bare in _BOUNDARY.findall(data)}
    if not boundaries:
        return False
    if len(boundaries) > MAX_BOUNDARIES:
        return True
    lines = re.compile(b"^--(?:%s)" % b"|".join(map(re.escape, boundaries)), re.MULTILINE)
    return any(index >= limit for index, _line in enumerate(lines.finditer(data)))


def _message(text: str, *, headers_only: bool, depth: int) -> Message | None:
    """A message or body part: its header block, then its body as a leaf or a multipart.

    The line break that ends a part's last line belongs to the boundary below it (RFC 2046):
    a part (depth > 0) loses it from its payload, or from its epilogue if it is a multipart."""
    block, body = _split(text)
    fields = _fields(block)
    if fields is None:
        return None
    message = Message(policy=BOUNDED)
    for name, value in fields:
        message.set_raw(name, value)
    if headers_only:
        message.set_payload(body)
        return message
    maintype = message.get_content_maintype()
    if maintype == "message":
        return None
    if maintype == "multipart":
        return _multipart(message, body, depth) if depth < MAX_DEPTH else None
    message.set_payload(_without_line_break(body) if depth else body)
    return message


def _split(text: str) -> tuple[str, str]:
    """The header block (with its last line break) and the body after the blank line."""
    if text.startswith(("\n", "\r\n")):
        return "", text[text.index("\n") + 1:]
    blank = blank_line(text)
    if blank is None:
        return text, ""
    return text[:blank[0]], text[blank[1]:]


def blank_line(text: str) -> tuple[int, int] | None:
    """Where the first blank line after a line is: the end of the header block (just after its
    last line break) and the start of the body; None if there is none. A CRLF blank line is
    looked for only before the LF one: a long body is not scanned twice."""
    lf = text.find("\n\n")
    crlf = text.find("\n\r\n", 0, len(text) if lf < 0 else lf + 2)
    ends = [(end, length) for end, length in ((lf, 2), (crlf, 3)) if end >= 0]
    if not ends:
        return None
    end, length = min(ends)
    return end + 1, end + length


def _fields(block: str) -> list[tuple[str, str]] | None:
    """(name, value) pairs as compat32 stores them: inner line breaks kept, leading blanks and
    the last line break removed. None unless the fields cover every line of the block."""
    fields = _FIELDS.findall(block)
    if sum(len(name) + 1 + len(value) for name, value in fields) != len(block):
        return None
    return [(name, value.lstrip(" \t").rstrip("\r\n")) for name, value in fields]


def _multipart(message: Message, body: str, depth: int) -> Message | None:
    """Parts between boundary lines; what precedes the first is the preamble, what follows the
    closing one the epilogue."""
    boundary = message.get_boundary()
    encoding = str(message.get("content-transfer-encoding", "8bit")).lower()
    if (boundary is None or encoding not in _PLAIN_ENCODINGS
            or message.get_content_type() == "multipart/digest"):
        return None
    found = _boundary_lines(body, "--" + boundary)
    first = next(found, None)
    if first is None or first[2]:
        return None
    if first[0]:
        message.preamble = _without_line_break(body[:first[0]])
    start = first[1]
    for line_start, line_end, closing in found:
        if line_start == start:
            return None  # boundary lines in a row: the parser skips them its own way
        part = _message(body[start:line_start], headers_only=False, depth=depth + 1)
        if part is None:
            return None
        message.attach(part)
        if closing:
            epilogue = body[line_end:]
            message.epilogue = (epilogue if not depth
                                else None if epilogue == "" else _without_line_break(epilogue))
            return message
        start = line_end
    return None  # no closing boundary


def _boundary_lines(body: str, mark: str) -> Iterator[tuple[int, int, bool]]:
    """Start and end (after its line break) of each boundary line, and whether it closes.

    As the parser's pattern: the mark at the start of a line, then "--" if it closes, blanks,
    and the end of the line. Found with str.find: compiling a pattern per message cost more
    than the search."""
    at = body.find(mark)
    while at >= 0:
        after = at + len(mark)
        end = body.find("\n", after)
        end = len(body) if end < 0 else end + 1
        rest = body[after:end].rstrip("\n").removesuffix("\r")
        closing = rest.startswith("--") and not rest[2:].strip(" \t")
        if (at == 0 or body[at - 1] == "\n") and (closing or not rest.strip(" \t")):
            yield at, end, closing
        at = body.find(mark, at + 1)


def _without_line_break(text: str) -> str:
    return text[:-2] if text.endswith("\r\n") else text[:-1] if text.endswith("\n") else text
