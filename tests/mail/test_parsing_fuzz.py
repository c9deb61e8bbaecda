"""Real messages, damaged at random: parse() still raises nothing but a deliberate ParseError.

"Deliberate" matters: parse() turns its own bugs into ParseError("parser failure: ...") so the
mail reaches the quarantine; here any such failure fails the test.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from learnlink.mail.parsing import ParseError, parse, parse_headers
from tests.mail.damage import damaged_messages


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
