"""`learnlink add_member SLUG EMAIL [--name NAME] [--role ROLE] [--mode MODE]`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.exchange.membership import add_member
from learnlink.exchange.models import DeliveryMode, Group, Role


class Command(BaseCommand):
    help = ("Add a member to a group; an address the directory knows (an old one too) adds "
            "that person, a new address creates one.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("email")
        parser.add_argument("--name", default="")
        parser.add_argument("--role", choices=Role.values, default=Role.LEARNER)
        parser.add_argument("--mode", choices=DeliveryMode.values, default=DeliveryMode.EACH)

    def handle(self, *args: Any, slug: str, email: str, **options: Any) -> None:
        group = Group.objects.filter(slug=slug).first()
        if group is None:
            raise CommandError(f"no group {slug!r}; create it with create_group")
        membership = add_member(group, email, name=options["name"], role=options["role"],
                                mode=options["mode"])
        self.stdout.write(f"{membership.person} is a {membership.get_role_display()} of "
                          f"{group.name} ({membership.get_mode_display()})")
