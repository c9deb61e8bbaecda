"""`learnlink create_token EMAIL`: an API token for that person's account, printed last."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.people.accounts import account_for
from learnlink.people.addresses import current_holder
from learnlink.people.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for the person who uses EMAIL; the token is the last word."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        person = current_holder(email)
        if person is None:
            raise CommandError(f"no one in the directory uses {email} now")
        token = ApiToken.issue(account_for(person))
        self.stdout.write(f"API token for {person.name} (keep it secret): {token}")
