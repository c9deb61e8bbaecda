"""`learnlink export_mbox SLUG PATH`: every archived message's original bytes, as mboxrd."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.exchange.models import Group, Message
from learnlink.mail.mbox import write_mbox


class Command(BaseCommand):
    help = "Write the group's archive as an mbox file of the messages exactly as received."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, slug: str, path: Path, **options: Any) -> None:
        group = Group.objects.filter(slug=slug).first()
        if group is None:
            raise CommandError(f"no group {slug!r}")
        raws = (Message.objects.filter(group=group, is_placeholder=False)
                .order_by("date", "pk").values_list("inbound__raw", flat=True)
                .iterator(chunk_size=200))
        count = write_mbox(path, (bytes(raw) for raw in raws if raw is not None))
        self.stdout.write(f"exported={count} path={path}")
