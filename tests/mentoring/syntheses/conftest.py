"""Fixtures of the synthesis tests: the demo network's real threads in a group with a mentor
(Joseph), a learner (Halima) and the Kilulu growers, and what a synthesis of them looks like."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from learnlink.exchange.importing import import_mbox
from learnlink.exchange.models import Group, Message, Thread

DEMO = Path(__file__).resolve().parents[3] / "learnlink" / "exchange" / "demo"
WAREHOUSE = "How do the Mbonzo warehouse receipts work?"
SOROTI = "Soroti asking: could receipts work for dried sweet potato chips?"


def import_demo(group: Group, name: str) -> None:
    """A demo archive, as an old archive is imported (real mail: quotes, signatures, Swahili)."""
    import_mbox(group, DEMO / f"{name}.mbox", processes=1)


def thread_titled(group: Group, subject: str) -> Thread:
    return Thread.objects.get(group=group, subject=subject)


def message_ids(thread: Thread) -> set[str]:
    return set(Message.objects.filter(thread=thread, is_placeholder=False)
               .values_list("message_id", flat=True))


@pytest.fixture
def receipts(oranges: Group) -> Group:
    """The Muheza group holding the demo's warehouse receipt discussions."""
    import_demo(oranges, "warehouse-receipts")
    return oranges


@pytest.fixture
def warehouse(receipts: Group) -> Thread:
    """Five messages: Gabriel asks, Jackson and Atupele explain, questions asked and answered."""
    return thread_titled(receipts, WAREHOUSE)


@pytest.fixture
def mentor_client(client: Any, mentor: Any) -> Any:
    client.force_login(mentor)
    return client


def post(group: Group, subject: str, body: str, sender: str = "halima@example.org",
         **headers: str) -> Message:
    """A message that reaches the group as mail does (stored, parsed, threaded, archived)."""
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from tests.conftest import email_from

    mail = email_from(sender, group.address, subject, body, **headers)
    receive(mail.as_bytes(), [group.address], Source.PIPE)
    return Message.objects.get(group=group, message_id=mail["Message-ID"].strip("<>"))


from tests.drafting.chat import chat_server  # noqa: E402, F401 (a fixture: the local LLM)
from tests.exchange.conftest import mailboxes  # noqa: E402, F401 (a fixture: who got which mail)
