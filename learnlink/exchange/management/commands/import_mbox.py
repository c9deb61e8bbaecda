"""`learnlink import_mbox SLUG PATH`: an old archive (mbox, .gz/.xz, or maildir) into a group."""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.exchange.importing import import_mbox
from learnlink.exchange.models import Group


class Command(BaseCommand):
    help = "Import every message of an mbox file or maildir folder; running it again adds none."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("path", type=Path)
        parser.add_argument("--processes", type=int, default=None,
                            help="parsers running at once (default: one per core)")

    def handle(self, *args: Any, slug: str, path: Path, processes: int | None,
               **options: Any) -> None:
        group = Group.objects.filter(slug=slug).first()
        if group is None:
            raise CommandError(f"no group {slug!r}; create it with create_group")
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        show = sys.stdout.isatty()
        stats = import_mbox(group, path, progress=self._progress if show else None,
                            processes=processes)
        if show:
            self.stdout.write("")
        self.stdout.write(stats.line())

    def _progress(self, done: int) -> None:
        self.stdout.write(f"\r{done} messages read", ending="")
        self.stdout.flush()
