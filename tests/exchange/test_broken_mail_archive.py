"""Broken real-world mail sent to a group over LMTP: each ends archived or quarantined with a
reason, none is lost, and no script from it reaches a page."""

from email.message import EmailMessage
from pathlib import Path

import pytest

from learnlink.exchange.models import Message, Thread
from learnlink.mail.models import InboundMessage, State
from tests.conftest import wire_format

BROKEN = Path(__file__).resolve().parents[1] / "data" / "mail" / "broken"
FILES = sorted(BROKEN.glob("*.eml"))


@pytest.fixture
def open_group(oranges):
    oranges.posting_policy = "open"
    oranges.save()
    return oranges


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_broken_mail_ends_archived_or_quarantined(mail_server, open_group, path, client):
    mail_server.send(path.read_bytes(), open_group.address)

    [inbound] = InboundMessage.objects.all()
    assert bytes(inbound.raw) == wire_format(path.read_bytes()), "kept byte for byte"
    assert inbound.state in (State.DONE, State.QUARANTINED)
    if inbound.state == State.QUARANTINED:
        assert inbound.reason
    else:
        thread = Thread.objects.get(messages__inbound=inbound)
        html = client.get(thread.get_absolute_url()).content.decode().lower()
        assert "<script" not in html and "onclick" not in html and "javascript:" not in html


def test_a_twenty_megabyte_attachment_is_quarantined_not_lost(mail_server, open_group):
    message = EmailMessage()
    message["From"], message["To"] = "halima@example.org", open_group.address
    message["Subject"], message["Message-ID"] = "Video of the grading", "<video@example.org>"
    message.set_content("The video from the field day.")
    message.add_attachment(b"\0" * (20 * 1024 * 1024), maintype="video", subtype="mp4",
                           filename="grading.mp4")
    mail_server.send(message, open_group.address)

    inbound = InboundMessage.objects.get()
    assert inbound.state == State.QUARANTINED
    assert "larger than the group's limit" in inbound.reason
    assert inbound.size > 20 * 1024 * 1024
    assert not Message.objects.exists()
