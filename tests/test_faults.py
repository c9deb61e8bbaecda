"""Faults a production network meets, survived without losing a message.

- The attachment disk is full: the mail is quarantined with that reason, its raw bytes kept;
  once there is room a mentor releases it and it is archived with its whole attachment.
- The SMTP relay is down for an hour (a simulated clock): nothing is lost or sent twice, and
  when it answers again what waited leaves at once, in the order it was posted.

The disk is a small tmpfs mounted for the test (root only, as on this machine's CI)."""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from learnlink.exchange.models import Attachment, Message
from learnlink.exchange.moderation import release
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.sending import send_due
from tests.conftest import SQLITE_PASS_ONLY, email_from, free_port, relay_to
from tests.mail.faulty_relay import relay_for_learnlink
from tests.mail.test_outbox_sending import HALIMA, MEMBERS, clock, members, post

pytestmark = SQLITE_PASS_ONLY
__all__ = ["clock", "members"]  # the simulated clock and the members, shared fixtures
PHOTO = bytes(range(256)) * 800  # 200 KB: a phone's photo of the grading table
DISK = "96k"  # room for the message's stored parts, not for its photo


def mount(folder: Path, size: str) -> None:
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                   check=True, capture_output=True)


@pytest.fixture
def small_disk(settings) -> Iterator[Path]:
    """MEDIA_ROOT on a disk with less room than one photo."""
    folder = Path(tempfile.mkdtemp(prefix="learnlink-full-"))
    try:
        mount(folder, DISK)
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        pytest.skip(f"a small disk needs mount (root): {error}")
    settings.MEDIA_ROOT = str(folder)
    yield folder
    subprocess.run(["umount", str(folder)], check=False)
    folder.rmdir()


def test_a_full_attachment_disk_quarantines_the_mail_with_that_reason_and_loses_nothing(
        mail_server, oranges, small_disk, settings):
    mail = email_from(HALIMA, oranges.address, "Grading table", "The photo of our grading.")
    mail.add_attachment(PHOTO, maintype="image", subtype="jpeg", filename="grading.jpg")
    mail_server.send(mail, oranges.address)

    inbound = InboundMessage.objects.get(recipient=oranges.address)
    assert inbound.state == State.QUARANTINED
    assert "the attachment disk is full (No space left on device)" in inbound.reason
    assert bytes(inbound.raw) == bytes(mail_server_raw(mail)), "the raw mail is kept whole"
    assert not Message.objects.exists()

    subprocess.run(["mount", "-o", "remount,size=1m", str(small_disk)], check=True)
    release(inbound)
    [attachment] = Attachment.objects.all()
    assert attachment.message.subject == "Grading table"
    stored = (small_disk / attachment.storage_name).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(PHOTO).hexdigest(), \
        "the photo is whole, not what the full disk had taken of it"


def mail_server_raw(mail) -> bytes:
    """The bytes our LMTP server stores: lines end in CRLF on the wire."""
    return mail.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def test_an_hour_without_the_relay_loses_nothing_and_resumes_in_order(settings, members,
                                                                      clock):
    settings.LEARNLINK_SMTP_CONNECTIONS = 1  # one connection: arrival order is send order
    relay_to(settings, free_port())  # nothing listens there: the relay is down
    for minute in range(0, 60, 10):
        post(MEMBERS, subject=f"Prices at {minute:02d} past")
        clock.advance(minutes=1)
        for _ in range(9):
            assert send_due()["sent"] == 0
            clock.advance(minutes=1)

    with relay_for_learnlink(settings) as relay:
        assert send_due()["sent"] == 6 * len(MEMBERS), "all at once, not each on its backoff"
        assert send_due() == Counter()
        for address in MEMBERS:
            assert [r.message["Subject"] for r in relay.to(address)] == [
                f"Prices at {minute:02d} past" for minute in range(0, 60, 10)]
