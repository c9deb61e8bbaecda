"""`learnlink reindex [--group SLUG]`: the search index built again from the archive."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.exchange.indexing import reindex
from learnlink.exchange.models import Group


class Command(BaseCommand):
    help = ("Index every archived message again and remove from the search index what no "
            "longer has a message. Run it after an upgrade that changes the index.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--group", metavar="SLUG", help="only this group's messages")

    def handle(self, *args: Any, group: str | None, **options: Any) -> None:
        groups = None
        if group is not None:
            groups = Group.objects.filter(slug=group)
            if not groups.exists():
                raise CommandError(f"no group {group!r}")
        self.stdout.write(reindex(groups).line())
