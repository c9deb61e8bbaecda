"""`learnlink export_alliance SLUG FILE.xlsx`: the alliance's report as a spreadsheet."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.alliance.export import export
from learnlink.alliance.models import Alliance


class Command(BaseCommand):
    help = "Write an alliance's overview, accountability, costs and impact to an XLSX file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        alliance = Alliance.objects.filter(slug=options["slug"]).first()
        if alliance is None:
            raise CommandError(f"No alliance {options['slug']!r}; `learnlink shell` lists them "
                               "with Alliance.objects.all().")
        Path(options["file"]).write_bytes(export(alliance))
        self.stdout.write(f"Wrote {options['file']}")
