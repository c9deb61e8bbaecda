"""`learnlink ingest SLUG < message`: for a Postfix pipe transport.

Exit codes follow sysexits, which Postfix understands: 0 stored, 67 no such group (bounce),
75 temporary failure (Postfix keeps the message and tries again).
"""

import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from learnlink.mail.inbox import UnknownRecipient, receive
from learnlink.mail.models import Source

EX_NOUSER = 67
EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = "Store one message read from standard input for the group SLUG (or a full address)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="group address name, or a full address")
        parser.add_argument("--sender", default="", help="envelope sender, if Postfix gives it")

    def handle(self, *args: Any, slug: str, sender: str, **options: Any) -> None:
        recipient = slug if "@" in slug else f"{slug}@{settings.LEARNLINK_MAIL_DOMAIN}"
        raw = sys.stdin.buffer.read()
        try:
            receive(raw, [recipient], Source.PIPE, sender)
        except UnknownRecipient:
            self.stderr.write(f"no group or address {recipient} here")
            sys.exit(EX_NOUSER)
        except Exception as error:
            self.stderr.write(f"could not store the message: {error}")
            sys.exit(EX_TEMPFAIL)
        self.stdout.write(f"stored for {recipient}")
