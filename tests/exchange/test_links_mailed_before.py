"""Footer links already in members' mailboxes keep working: a membership link and a mute link
made by the formula Learnlink used before the tokens had one home (computed here by hand)
still read as the membership, and the person and thread, they were made for."""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Any

import pytest
from django.conf import settings

from learnlink.exchange.member_links import BadLink, membership_for, token_for
from learnlink.exchange.models import Membership
from learnlink.exchange.muting import mute_token, read_token
from tests.mentoring.writeups.conftest import GRADING, HALIMA, post


def old_signature(text: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(),
                    hashlib.sha256).hexdigest()[:16]


def test_a_membership_link_mailed_before_still_reads(oranges: Any) -> None:
    halima = Membership.objects.get(person__name="Halima Omari")
    issued = int(time.time())
    old = f"{halima.pk:x}.{halima.key}.{issued:x}." + old_signature(
        f"member:{halima.pk}:{halima.key}:{issued}")
    assert token_for(halima.pk, halima.key, issued) == old
    assert membership_for(old) == halima
    with pytest.raises(BadLink, match="not made by Learnlink"):
        membership_for(old.replace(f".{issued:x}.", f".{issued - 1:x}."))


def test_a_mute_link_mailed_before_still_reads(oranges: Any) -> None:
    thread = post(oranges, HALIMA, "Grading day", GRADING).thread
    halima = Membership.objects.get(person__name="Halima Omari").person
    assert halima is not None
    issued = int(time.time()) - 3 * 24 * 3600
    old = f"{halima.pk:x}.{thread.pk:x}.{issued:x}." + old_signature(
        f"mute:{halima.pk}:{thread.pk}:{issued}")
    assert mute_token(halima.pk, thread.pk, issued) == old
    assert read_token(old) == (halima, thread)
