"""Fixtures of the exchange tests: the relay's mail, sorted by whose copy it is."""

from __future__ import annotations

import email
import email.policy
from collections import defaultdict
from email.message import EmailMessage
from typing import Any

import pytest

from tests.conftest import Sink


class Mailboxes:
    """What the relay received, by envelope recipient: a list copy's To: names the group, so
    only the envelope says whose copy it is."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.copies: dict[str, list[EmailMessage]] = defaultdict(list)
        self.raw: dict[str, list[bytes]] = defaultdict(list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self.sink.lock:
            self.sink.messages.append(message)
            for address in envelope.rcpt_tos:
                self.copies[address.lower()].append(message)
                self.raw[address.lower()].append(envelope.content)
        return "250 OK"

    def of(self, address: str) -> list[EmailMessage]:
        with self.sink.lock:
            return list(self.copies[address])

    def bytes_of(self, address: str) -> list[bytes]:
        """As they came over the wire: what a learner pays for."""
        with self.sink.lock:
            return list(self.raw[address])


OUR_MTA = "mx.learnlink.test"


@pytest.fixture
def our_mta(settings: Any) -> str:
    """Our MTA checks DMARC and names itself OUR_MTA in Authentication-Results."""
    settings.LEARNLINK_AUTHSERV_ID = OUR_MTA
    return OUR_MTA


@pytest.fixture
def mailboxes(smtp_sink: Sink) -> Mailboxes:
    boxes = Mailboxes(smtp_sink)
    smtp_sink.handle_DATA = boxes.handle_DATA  # type: ignore[method-assign]
    return boxes
