"""`learnlink import_directory FILE`: add and update organisations and people from a spreadsheet."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from learnlink.people.directory_import import import_directory


class Command(BaseCommand):
    help = ("Import organisations and people from an XLSX or CSV file (see docs/directory.md). "
            "Every row is checked first; if any is wrong, nothing is imported.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="an .xlsx or .csv file")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        report = import_directory(file)
        if report.errors:
            for line in report.errors:
                self.stderr.write(line)
            count = len(report.errors)
            raise CommandError(f"Nothing imported: {count} problem{'s' if count > 1 else ''} "
                               "to fix first.")
        self.stdout.write(report.summary())
