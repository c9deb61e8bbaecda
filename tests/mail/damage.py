"""Real messages and the accidents they meet on their way, for property tests of the parsers."""

import re
from pathlib import Path

from hypothesis import strategies as st

from tests.conftest import TEST_DATA

MIMEKIT = TEST_DATA / "mime" / "mimekit" / "messages"
BROKEN = TEST_DATA / "mail" / "broken"
# MimeKit's edge cases and our own broken mail.
MESSAGES = sorted([*BROKEN.glob("*.eml"), *MIMEKIT.iterdir()])
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
