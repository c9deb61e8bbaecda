"""`learnlink create_group SLUG --name NAME [--private] [--policy members|moderated|open]`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.exchange.membership import ReservedName, create_group
from learnlink.exchange.models import PostingPolicy


class Command(BaseCommand):
    help = "Create a group (or update it): its address is SLUG@ the mail domain."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("--name", required=True)
        parser.add_argument("--private", action="store_true", help="archive for members only")
        parser.add_argument("--policy", choices=PostingPolicy.values,
                            default=PostingPolicy.MEMBERS)
        parser.add_argument("--description", default="")
        parser.add_argument("--language", default="en")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            group = create_group(options["slug"], options["name"], private=options["private"],
                                 policy=options["policy"], description=options["description"],
                                 language=options["language"])
        except ReservedName as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{group.name}: {group.address} ({group.get_visibility_display()}, "
                          f"{group.get_posting_policy_display()})")
