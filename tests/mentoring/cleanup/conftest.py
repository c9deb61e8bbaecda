"""Two discussions of Muheza's orange growers, posted as mail, for the clean-up tests; and a
mentor of that group only (the `mentor` fixture is a network mentor, who mentors every group)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from learnlink.exchange.membership import add_member
from learnlink.exchange.models import Group, Message, Thread
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from tests.conftest import email_from, make_member
from tests.exchange.conftest import mailboxes  # noqa: F401  (a fixture: mail by recipient)


def post(group: Group, subject: str, body: str, message_id: str,
         parent: Message | None = None, sender: str = "halima@example.org",
         **headers: str) -> Message:
    """A mail to the group, as a reply to `parent` (References naming its ancestors) if given."""
    if parent is not None:
        ancestors = [*parent.references.split(), parent.message_id]
        headers.setdefault("In_Reply_To", f"<{parent.message_id}>")
        headers.setdefault("References", " ".join(f"<{ref}>" for ref in ancestors))
    mail = email_from(sender, group.address, subject, body, message_id=f"<{message_id}>",
                      **headers)
    receive(mail.as_bytes(), [group.address], Source.PIPE)
    return Message.objects.get(group=group, message_id=message_id)


@dataclass
class Talk:
    group: Group
    question: Message  # "Selling oranges together"
    answer: Message  # its reply
    follow_up: Message  # the reply's reply
    grading: Message  # "Grading before the lorry", another thread
    grading_reply: Message

    def fresh(self, message: Message) -> Message:
        return Message.objects.select_related("thread", "group").get(pk=message.pk)

    def thread(self, message: Message) -> Thread:
        return self.fresh(message).thread


@pytest.fixture
def talk(oranges: Group) -> Talk:
    question = post(oranges, "Selling oranges together",
                    "Who has sold oranges as a group to a buyer from Dar?", "q@example.org")
    answer = post(oranges, "Re: Selling oranges together",
                  "We graded them first and agreed one price with the buyer.\n\n"
                  "> Who has sold oranges as a group?", "a@example.org", question,
                  sender="joseph.mshana@example.org")
    follow_up = post(oranges, "Re: Selling oranges together",
                     "How many sizes did you grade them in?", "f@example.org", answer)
    grading = post(oranges, "Grading before the lorry",
                   "We grade in three sizes before the lorry comes.", "g@example.org")
    grading_reply = post(oranges, "Re: Grading before the lorry",
                         "Three sizes here too, and a price for each.", "g1@example.org",
                         grading, sender="joseph.mshana@example.org")
    return Talk(oranges, question, answer, follow_up, grading, grading_reply)


@pytest.fixture
def group_mentor(oranges: Group) -> User:
    """Mentors Muheza's orange growers by membership, and no other group."""
    user = make_member(None, "Neema Kimaro", "neema.kimaro@example.org")
    add_member(oranges, "neema.kimaro@example.org", role="mentor")
    return user
