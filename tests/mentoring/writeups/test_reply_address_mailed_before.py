"""A write-up's reply address already in a learner's mailbox keeps working: one made by the
formula Learnlink used before the tokens had one home (computed here by hand) still names the
write-up it was made for."""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings

from learnlink.mentoring.models import WriteUp
from learnlink.mentoring.writeups.reply_address import reply_address, writeup_for


def test_a_reply_address_mailed_before_still_names_its_writeup(writeup: WriteUp) -> None:
    issued = int(time.time()) - 5 * 24 * 3600
    signature = hmac.new(settings.SECRET_KEY.encode(),
                         f"writeup-reply:{writeup.pk}:{issued}".encode(),
                         hashlib.sha256).hexdigest()[:16]
    local = f"writeup+{writeup.pk:x}.{issued:x}.{signature}"
    assert reply_address(writeup, issued) == f"{local}@{settings.LEARNLINK_MAIL_DOMAIN}"
    assert writeup_for(local) == writeup
    assert writeup_for(local.upper()) == writeup
