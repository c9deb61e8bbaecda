"""An alliance reply address already in someone's mailbox keeps working: one made by the
formula Learnlink used before the tokens had one home (computed here by hand) still names the
purpose and the record it was made for."""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings

from learnlink.alliance.replies.address import record_named, reply_address


def test_a_reply_address_mailed_before_still_names_its_task() -> None:
    issued = int(time.time()) - 10 * 24 * 3600
    signature = hmac.new(settings.SECRET_KEY.encode(),
                         f"alliance-reply:task:42:{issued}".encode(),
                         hashlib.sha256).hexdigest()[:16]
    local = f"alliance+task.2a.{issued:x}.{signature}"
    assert reply_address("task", 42, issued) == f"{local}@{settings.LEARNLINK_MAIL_DOMAIN}"
    assert record_named(local) == ("task", 42)
    assert record_named(local.upper()) == ("task", 42)
