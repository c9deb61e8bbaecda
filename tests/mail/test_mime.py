"""mime.read builds exactly the tree compat32's parser builds, or leaves the bytes to it.

Whatever it reads, parse() derives from that tree, so any difference here would be a message
shown, threaded or attached differently depending on which path read it.
"""

from email.message import Message
from email.parser import BytesParser
from email.policy import compat32
from typing import Any

import pytest
from hypothesis import given, settings

from learnlink.mail import mime
from learnlink.mail.mbox import read_messages
from tests.conftest import TEST_DATA
from tests.mail.damage import MESSAGES, damaged_messages

PARSER = BytesParser(policy=compat32)
NOTMUCH = TEST_DATA / "threading" / "notmuch" / "corpora"


def tree(message: Message) -> dict[str, Any]:
    """Everything of a parsed message that anything downstream can see."""
    payload = message._payload  # get_payload() would decode it
    return {
        "headers": message._headers, "unixfrom": message.get_unixfrom(),
        "preamble": message.preamble, "epilogue": message.epilogue,
        "default_type": message.get_default_type(),
        "defects": [type(defect).__name__ for defect in message.defects],
        "payload": [tree(part) for part in payload] if isinstance(payload, list) else payload,
    }


def same_or_left_to_parser(raw: bytes) -> bool:
    """Whether mime.read read it (asserting it read it as the parser does)."""
    fast = mime.read(raw)
    if fast is not None:
        assert tree(fast) == tree(PARSER.parsebytes(raw))
    return fast is not None


def real_messages() -> list[bytes]:
    files = [path for path in NOTMUCH.rglob("*") if path.is_file()]
    mboxes = (TEST_DATA / "threading").rglob("*.mbox")
    return ([path.read_bytes() for path in [*files, *MESSAGES]]
            + [raw for mbox in mboxes for raw in read_messages(mbox)])


def test_real_mail_is_read_as_the_parser_reads_it_and_most_of_it_fast() -> None:
    messages = real_messages()
    read = sum(same_or_left_to_parser(raw) for raw in messages)
    assert read > 0.8 * len(messages)


MULTIPART = (
    b"From: Amina <amina@example.org>\r\nSubject: Bei ya machungwa\r\n"
    b"Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
    b"This is a multi-part message in MIME format.\r\n"
    b"--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n"
    b"--inner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBei ni 300 kwa kilo.\r\n"
    b"--inner\r\nContent-Type: text/html\r\n\r\n<p>Bei ni 300 kwa kilo.</p>\r\n\r\n"
    b"--inner--  \r\nafter the inner parts\r\n"
    b"--outer\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=b.csv\r\n"
    b"\r\nsoko,bei\r\nMuheza,300\r\n"
    b"--outer--\r\n\r\nthe epilogue\r\n"
)


def test_nested_parts_preamble_and_epilogues_come_out_as_the_parser_makes_them() -> None:
    assert same_or_left_to_parser(MULTIPART)
    message = mime.read(MULTIPART)
    assert message is not None
    alternative, attachment = message.get_payload()
    assert [part.get_content_type() for part in alternative.get_payload()] == [
        "text/plain", "text/html"]
    assert attachment.get_filename() == "b.csv"
    assert attachment.get_payload() == "soko,bei\r\nMuheza,300"
    assert message.preamble == "This is a multi-part message in MIME format."


@pytest.mark.parametrize("raw", [
    MULTIPART.replace(b"--outer--", b"--outer-x"),  # never closed
    MULTIPART.replace(b"Bei ni 300 kwa kilo.\r\n--inner", b"Bei\rni\r\n--inner"),  # bare CR
    MULTIPART.replace(b"Subject: Bei", b"Subject Bei"),  # a line that is no header
    MULTIPART.replace(b"--outer\r\nContent-Type: text/csv", b"--outer\r\n--outer\r\nX: y"),
    b"From someone@example.org Mon Jan 1 00:00:00 2001\nSubject: x\n\nbody\n",
    b"Subject: fwd\nContent-Type: message/rfc822\n\nSubject: inner\n\ntext\n",
    b"Subject: d\nContent-Type: multipart/digest; boundary=b\n\n--b\n\nSubject: i\n\n--b--\n",
    b" folded first\nSubject: x\n\nbody\n",
], ids=["unclosed", "bare-cr", "not-a-header", "double-boundary", "unixfrom", "rfc822",
        "digest", "continuation-first"])
def test_what_the_parser_treats_specially_is_left_to_it(raw: bytes) -> None:
    assert mime.read(raw) is None


@settings(max_examples=1_500, deadline=None)
@given(damaged_messages())
def test_damaged_mail_is_read_as_the_parser_reads_it_or_left_to_it(raw: bytes) -> None:
    same_or_left_to_parser(raw)


def test_a_header_block_with_no_body_is_read_whole() -> None:
    raw = b"Subject: only headers\nFrom: a@example.org"
    assert same_or_left_to_parser(raw)
