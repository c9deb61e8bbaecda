"""Fixtures of the write-up tests: a thread of Muheza's orange growers in which Halima (a
learner of Kilulu Orange Growers) told how they grade, with her mentor Joseph's question, and
write-ups about her started by Joseph through the same functions the pages call."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from learnlink.exchange.models import Group, Message, Thread
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mentoring.models import WriteUp
from learnlink.mentoring.writeups import actions
from learnlink.mentoring.writeups.drafts import quotable
from tests.conftest import email_from

HALIMA = "halima@example.org"
JOSEPH = "joseph.mshana@example.org"
GRADING = ("We grade the oranges in three sizes before the lorry comes.\n"
           "Mr Juma of Tanga paid 150 shillings a kilo for grade A, 32 members sold together.")


def post(group: Group, sender: str, subject: str, body: str, **headers: str) -> Message:
    mail = email_from(sender, group.address, subject, body, **headers)
    receive(mail.as_bytes(), [group.address], Source.PIPE)
    return Message.objects.get(message_id=mail["Message-ID"].strip("<>"))


@pytest.fixture
def halima(learner: User, network: dict[str, Any]) -> User:
    """Halima speaks Kiswahili first and belongs to Kilulu Orange Growers."""
    person = learner.person  # type: ignore[attr-defined]
    person.languages = "sw, en"
    person.save(update_fields=["languages"])
    person.affiliations.create(organisation=network["growers"], role="member")
    return learner


@pytest.fixture
def grading(oranges: Group, halima: User) -> Thread:
    """Joseph asks, Halima answers (quoting him, with a signature), Joseph thanks her."""
    question = post(oranges, f"Joseph Mshana <{JOSEPH}>", "How do you grade?",
                    "Halima, how does Kilulu grade its oranges?", message_id="<q@example.org>")
    post(oranges, f"Halima Omari <{HALIMA}>", "Re: How do you grade?",
         f"{GRADING}\n\nOn Monday Joseph wrote:\n> Halima, how does Kilulu grade?\n\n"
         f"-- \nHalima Omari\nKilulu", message_id="<a@example.org>",
         In_Reply_To="<q@example.org>", References="<q@example.org>")
    post(oranges, f"Joseph Mshana <{JOSEPH}>", "Re: How do you grade?",
         "> We grade the oranges in three sizes\n", message_id="<t@example.org>",
         In_Reply_To="<a@example.org>", References="<q@example.org> <a@example.org>")
    return question.thread


def start(thread: Thread, mentor: User, learner: User, organisation: Any,
          title: str = "Grading oranges at Kilulu", language: str = "en") -> WriteUp:
    """A write-up quoting Halima's answer, as the mentor's page starts it."""
    begun = actions.Start(thread.group, learner.person,  # type: ignore[attr-defined]
                          organisation, title, language)
    messages = [m for m in quotable(thread) if m.message_id == "a@example.org"]
    writeup = actions.start_from_thread(begun, thread, messages, actions.Actor.on_web(mentor))
    assert writeup is not None
    return writeup


@pytest.fixture
def writeup(grading: Thread, mentor: User, halima: User, network: dict[str, Any]) -> WriteUp:
    return start(grading, mentor, halima, network["growers"])
