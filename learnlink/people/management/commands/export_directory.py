"""`learnlink export_directory FILE`: write the directory in the format the import reads."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from learnlink.lib.spreadsheets import SpreadsheetError
from learnlink.people.directory_export import export_directory
from learnlink.people.directory_format import SHEETS


class Command(BaseCommand):
    help = ("Export organisations and people to an XLSX file (both sheets) or a CSV file "
            "(one sheet, named with --sheet).")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="an .xlsx or .csv file to write")
        parser.add_argument("--sheet", choices=SHEETS,
                            help="the one sheet to write; required for a .csv file")

    def handle(self, *args: Any, file: Path, sheet: str | None, **options: Any) -> None:
        try:
            export_directory(file, sheet)
        except SpreadsheetError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Exported the directory to {file}")
