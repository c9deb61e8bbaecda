"""`learnlink reparse [--group SLUG] [--message-id ID]`: archived messages derived again from
their original bytes."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.exchange.models import Group, Message
from learnlink.exchange.reparsing import reparse


class Command(BaseCommand):
    help = ("Parse archived messages again from the bytes they arrived as: text, quotes, "
            "attachments and the HTML of the thread page. Messages that no longer parse are "
            "kept as they are and listed.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--group", metavar="SLUG", help="only this group's messages")
        parser.add_argument("--message-id", metavar="ID",
                            help="only the message with this Message-ID (with or without <>)")
        parser.add_argument("--processes", type=int, default=None,
                            help="parsers running at once (default: one per core)")

    def handle(self, *args: Any, group: str | None, message_id: str | None,
               processes: int | None, **options: Any) -> None:
        messages = Message.objects.all()
        if group is not None:
            found = Group.objects.filter(slug=group).first()
            if found is None:
                raise CommandError(f"no group {group!r}")
            messages = messages.filter(group=found)
        if message_id is not None:
            messages = messages.filter(message_id=message_id.strip().strip("<>"))
        stats = reparse(messages, processes)
        for failure in stats.failed:
            self.stderr.write(f"kept as it was: {failure}")
        self.stdout.write(stats.line())
