"""Messages of a group's archive, and mentors' corrections of their labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from learnlink.exchange.models import Group, Message, Thread
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mentoring.models import MessageLabels


def post(mail, group: Group) -> Message:
    """Into the group as mail from a pipe would come (the worker's test uses the mail server)."""
    receive(mail.as_bytes(), [group.address], Source.PIPE)
    return Message.objects.get(message_id=mail["Message-ID"].strip("<>"))


def archived(group: Group, texts: Sequence[str], subject: str = "Seeds and sales") -> list[Message]:
    """Messages already in the archive, one thread, without going through the mail."""
    now = timezone.now()
    thread = Thread.objects.create(group=group, subject=subject, started=now,
                                   month=Thread.month_of(now), last_activity=now)
    return Message.objects.bulk_create([
        Message(group=group, thread=thread, message_id=f"{thread.pk}.{n}@labels.test",
                date=now, text=text) for n, text in enumerate(texts)])


def corrected(messages: Iterable[Message], labels: Iterable[Iterable[str]],
              mentor: User) -> None:
    """Labels as a mentor left them."""
    now = timezone.now()
    rows = []
    for message, chosen in zip(messages, labels, strict=True):
        row = MessageLabels(message=message, labeller="baseline", labelled=now,
                            corrected=now, corrected_by=mentor)
        row.set_labels(chosen)
        rows.append(row)
    MessageLabels.objects.bulk_create(rows)


@pytest.fixture
def group(oranges):
    return oranges
