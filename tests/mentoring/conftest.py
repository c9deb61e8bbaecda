"""Fixtures of the mentoring tests: mail posted to a group over LMTP, dated as a test needs."""

from __future__ import annotations

import datetime
import email.utils
from typing import Any

import pytest
from django.utils import timezone

from tests.conftest import MailServer, email_from, make_person

KILULU = "kilulu.growers@example.org"  # Mwanaisha Shabani, Kilulu Orange Growers' chairperson
KILULU_MEMBER = "athumani.kaniki@example.net"  # Kilulu Orange Growers too
SPY = "daudi.tlatla@example.net"  # Babati Market Spies, another organisation


def post(mail_server: MailServer, group: Any, sender: str, subject: str, body: str, *,
         days_ago: float = 0, reply_to: Any = None) -> Any:
    """Send a message to the group as a member's mail program would, `days_ago` days old,
    answering `reply_to` (an archived Message) if given; the archived Message, or None if the
    group did not archive it."""
    from learnlink.exchange.models import Message

    headers = {}
    if reply_to is not None:
        references = [*reply_to.references.split(), reply_to.message_id]
        headers = {"In_Reply_To": f"<{reply_to.message_id}>",
                   "References": " ".join(f"<{mid}>" for mid in references)}
    message = email_from(sender, group.address, subject, body, **headers)
    del message["Date"]
    message["Date"] = email.utils.format_datetime(
        timezone.now() - datetime.timedelta(days=days_ago))
    mail_server.send(message, group.address)
    return Message.objects.filter(group=group,
                                  message_id=message["Message-ID"].strip("<>")).first()


@pytest.fixture
def speakers(network: dict[str, Any], oranges: Any) -> dict[str, Any]:
    """Who writes in the orange growers' group: Kilulu's chairperson and one of her members
    (one organisation), and a market spy from Babati (another)."""
    from learnlink.exchange.membership import add_member

    athumani = make_person("Athumani Kaniki", KILULU_MEMBER, network["growers"], "member")
    daudi = make_person("Daudi Tlatla", SPY, network["spies"], "market spy")
    add_member(oranges, SPY)
    return {"chair": network["chair"], "member": athumani, "spy": daudi}
