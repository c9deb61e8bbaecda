"""Dated, signed tokens (learnlink.lib.dated_tokens): a token reads back as the parts it was
made for, and each way it can fail is told apart, so that each app words its own refusal."""

from __future__ import annotations

import time

import pytest

from learnlink.lib import dated_tokens

NOW = 1_765_000_000


def test_a_token_reads_back_as_its_parts_and_issue_time() -> None:
    token = dated_tokens.make("mute", 42, 7, issued=NOW)
    assert token.startswith(f"2a.7.{NOW:x}.")
    assert dated_tokens.read(token, "mute", (int, int), 60, now=NOW) == ((42, 7), NOW)


def test_text_parts_are_written_and_read_as_they_are() -> None:
    token = dated_tokens.make("member", 255, "Ab-c_9", issued=NOW)
    assert token.split(".")[:2] == ["ff", "Ab-c_9"]
    assert dated_tokens.read(token, "member", (int, str), 60, now=NOW)[0] == (255, "Ab-c_9")


def test_a_token_made_now_is_stamped_with_this_second() -> None:
    before = int(time.time())
    _parts, issued = dated_tokens.read(dated_tokens.make("mute", 1, 2), "mute", (int, int), 1)
    assert before <= issued <= time.time()


def test_the_signature_is_sixteen_hex_and_covers_purpose_parts_and_time() -> None:
    signature = dated_tokens.make("mute", 1, 2, issued=NOW).rsplit(".", 1)[1]
    assert len(signature) == 16 and int(signature, 16) >= 0
    assert signature == dated_tokens.signature("mute", 1, 2, NOW)
    others = {dated_tokens.signature("member", 1, 2, NOW),
              dated_tokens.signature("mute", 1, 3, NOW),
              dated_tokens.signature("mute", 1, 2, NOW + 1)}
    assert signature not in others
    assert len(dated_tokens.signature("verp", 5, length=10)) == 10


@pytest.mark.parametrize("token", ["", "2a.7", "2a.7.6931c000", "2a.7.6931c000.abc.extra",
                                   "zz.7.6931c000.0123456789abcdef",
                                   "2a.7.not-hex.0123456789abcdef"])
def test_a_cut_off_or_garbled_token_is_incomplete(token: str) -> None:
    with pytest.raises(dated_tokens.Incomplete):
        dated_tokens.read(token, "mute", (int, int), 60, now=NOW)


def test_a_token_changed_or_made_for_another_purpose_is_forged() -> None:
    token = dated_tokens.make("mute", 42, 7, issued=NOW)
    another_thread = token.replace("2a.7.", "2a.8.", 1)
    for changed, purpose in [(another_thread, "mute"), (token, "member"),
                             (token[:-1] + ("0" if token[-1] != "0" else "1"), "mute")]:
        with pytest.raises(dated_tokens.Forged):
            dated_tokens.read(changed, purpose, (int, int), 60, now=NOW)


def test_a_token_older_than_its_days_has_expired_and_says_how_old() -> None:
    token = dated_tokens.make("mute", 42, 7, issued=NOW)
    assert dated_tokens.read(token, "mute", (int, int), 60, now=NOW + 60 * 86400)
    with pytest.raises(dated_tokens.Expired) as expired:
        dated_tokens.read(token, "mute", (int, int), 60, now=NOW + 61 * 86400)
    assert int(expired.value.days) == 61
