"""`learnlink import_sales ALLIANCE FILE`: targets, membership counts and sales from a
spreadsheet."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from learnlink.alliance.models import Alliance
from learnlink.impact.importing import import_sales


class Command(BaseCommand):
    help = ("Import targets, membership counts and sales into an alliance from an XLSX or CSV "
            "file (see docs/impact.md). Every row is checked first; if any is wrong, nothing "
            "is imported.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("alliance", help="the alliance's slug")
        parser.add_argument("file", type=Path, help="an .xlsx or .csv file")

    def handle(self, *args: Any, alliance: str, file: Path, **options: Any) -> None:
        found = Alliance.objects.filter(slug=alliance).first()
        if found is None:
            raise CommandError(f"No alliance {alliance!r}; `learnlink shell` and "
                               "Alliance.objects.values_list('slug') lists them.")
        report = import_sales(found, file)
        if report.errors:
            for line in report.errors:
                self.stderr.write(line)
            count = len(report.errors)
            raise CommandError(f"Nothing imported: {count} problem{'s' if count > 1 else ''} "
                               "to fix first.")
        self.stdout.write(report.summary())
