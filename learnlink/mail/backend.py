"""Django's send_mail into the outbox: login links, replies and notices queue like posts do,
so they are retried when the relay is down and listed on the outgoing mail page."""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from learnlink.mail.outbox import enqueue

# Control characters (a bare CR or LF among them) and Unicode's line and paragraph separators.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def subject_line(text: str) -> str:
    """A subject as one line of text: the subjects of reminders, replies and notices carry
    what people typed (a task title, a message's subject), and a CR or LF in a header makes
    Django refuse the whole message (BadHeaderError)."""
    return " ".join(_BREAKS.sub(" ", text).split())


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        """Every EmailMessage we send passes here: its subject is made one line here, once."""
        for message in email_messages:
            message.subject = subject_line(str(message.subject))
            enqueue(message.message().as_bytes(),
                    [(address, "") for address in message.recipients()],
                    subject=message.subject)
        return len(email_messages)
