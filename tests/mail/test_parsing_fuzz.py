"""Real messages, damaged at random: parse() still raises nothing but a deliberate ParseError.

"Deliberate" matters: parse() turns its own bugs into ParseError("parser failure: ...") so the
mail reaches the quarantine; here any such failure fails the test.
"""

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from learnlink.mail.parsing import ParseError, parse, parse_headers
from tests.conftest import SHARED_DATA

MIMEKIT = SHARED_DATA / "mime" / "mimekit" / "messages"
BROKEN = Path(__file__).resolve().parents[1] / "data" / "mail" / "broken"
# MimeKit's edge cases when ../shared/data is there, and always our own broken mail.
MESSAGES = sorted([*BROKEN.glob("*.eml"), *(MIMEKIT.iterdir() if MIMEKIT.is_dir() else [])])
CHARSETS = [b"y", b"yes", b"unknown-8bit", b"gbk", b"big5", b"iso-8859-2", b"utf-16", b"base64",
            b"rot13", b"idna", b"undefined", b"x-\xff\xfe", b"", b'""', b"utf-8*sw", b"iso-2022-jp"]
CHARSET = re.compile(rb"(charset=\"?|=\?)([^\"?;\s]*)", re.IGNORECASE)


@st.composite
def damaged(draw: st.DrawFn, raw: bytes) -> bytes:
    """`raw` after a few of the accidents real mail meets on its way."""
    data = bytearray(raw)
    for _ in range(draw(st.integers(0, 3))):
        accident = draw(st.sampled_from(["flip", "truncate", "duplicate", "nul", "charset"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if accident == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif accident == "truncate":
            del data[at:]
        elif accident == "nul":
            data[at:at] = b"\x00" * draw(st.integers(1, 4))
        elif accident == "duplicate":
            line_start = data.rfind(b"\n", 0, at) + 1
            line_end = data.find(b"\n", at) + 1 or len(data)
            data[line_start:line_start] = data[line_start:line_end]
        else:
            label = draw(st.sampled_from(CHARSETS))
            data[:] = CHARSET.sub(rb"\g<1>" + label, bytes(data), count=2)
    return bytes(data)


@st.composite
def damaged_messages(draw: st.DrawFn) -> bytes:
    path: Path = draw(st.sampled_from(MESSAGES))
    return draw(damaged(path.read_bytes()))


def parse_or_refuse(raw: bytes) -> None:
    """Parse; a ParseError must be a reason about the mail, not a bug in the parser."""
    try:
        parsed = parse(raw)
    except ParseError as error:
        assert not error.reason.startswith("parser failure"), error.reason
        return
    for text in (parsed.subject, parsed.from_name, parsed.text, parsed.html, parsed.new_text):
        text.encode("utf-8")
    assert "\x00" not in parsed.text


@settings(max_examples=3_000, deadline=None)
@given(damaged_messages())
def test_damaged_real_messages_parse_or_are_refused_with_a_reason(raw: bytes) -> None:
    parse_or_refuse(raw)


@settings(max_examples=1_000, deadline=None)
@given(damaged_messages())
def test_damaged_real_headers_are_read_or_refused_with_a_reason(raw: bytes) -> None:
    try:
        parse_headers(raw)
    except ParseError as error:
        assert not error.reason.startswith("parser failure"), error.reason


@settings(max_examples=1_000, deadline=None)
@given(st.binary(max_size=2_000))
def test_arbitrary_bytes_parse_or_are_refused_with_a_reason(raw: bytes) -> None:
    parse_or_refuse(raw)
