"""`learnlink sendtest EMAIL`: send one message through the configured relay, now, and say
what the relay answered; the quickest proof that EMAIL_URL is right."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.mail.models import DeliveryState
from learnlink.mail.outbox import enqueue
from learnlink.mail.sending import send_due


class Command(BaseCommand):
    help = "Send a test message to EMAIL through the relay in EMAIL_URL and report the result."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.LEARNLINK_RELAY:
            raise CommandError("No relay is configured: set EMAIL_URL (smtp://host:25, "
                               "smtp+tls://user:password@host:587 or smtps://...).")
        message = EmailMessage()
        message["From"], message["To"] = settings.DEFAULT_FROM_EMAIL, options["email"]
        message["Subject"] = "Learnlink test message"
        message["Date"], message["Message-ID"] = formatdate(), make_msgid("sendtest")
        message.set_content(f"This message proves that {settings.LEARNLINK_BASE_URL} can send "
                            f"mail through {settings.EMAIL_HOST}:{settings.EMAIL_PORT}.\n")
        outgoing = enqueue(message.as_bytes(), [(options["email"], "")],
                           subject=str(message["Subject"]))
        send_due()
        delivery = outgoing.deliveries.get()
        if delivery.state != DeliveryState.SENT:
            raise CommandError(f"Not sent ({delivery.get_state_display()}): "
                               f"{delivery.last_error}")
        self.stdout.write(f"Sent to {delivery.address} through {settings.EMAIL_HOST}:"
                          f"{settings.EMAIL_PORT}.")
