"""Django's send_mail into the outbox: login links, replies and notices queue like posts do,
so they are retried when the relay is down and listed on the outgoing mail page."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from learnlink.mail.outbox import enqueue


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            enqueue(message.message().as_bytes(),
                    [(address, "") for address in message.recipients()],
                    subject=str(message.subject))
        return len(email_messages)
