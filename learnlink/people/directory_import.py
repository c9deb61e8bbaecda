"""Importing the directory from a spreadsheet: every row is checked, then all is written or
nothing is (`learnlink.lib.spreadsheets.importing` says why).

Programme officers keep their contact lists in Excel. Importing a file again updates what it
describes and adds nothing twice. The format is described in docs/directory.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from learnlink.lib.spreadsheets import Book, RowErrors, Sheets, import_all_or_nothing
from learnlink.people.directory_checks import check_directory
from learnlink.people.directory_enterprises import check_enterprises, write_enterprises
from learnlink.people.directory_format import ENTERPRISES, ORGANISATIONS, PEOPLE, SHEETS
from learnlink.people.directory_writer import PlaceTree, write_organisations, write_people


@dataclass
class ImportReport:
    """What an import did, or, when `errors` is not empty, why it did nothing."""

    organisations_created: int = 0
    organisations_updated: int = 0
    people_created: int = 0
    people_updated: int = 0
    enterprises_named: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        named = (f"; {self.enterprises_named} enterprises named in other languages"
                 if self.enterprises_named else "")
        return (f"Imported: {self.organisations_created} organisations created, "
                f"{self.organisations_updated} updated; {self.people_created} people created, "
                f"{self.people_updated} updated{named}")


def import_directory(path: Path) -> ImportReport:
    """Check every row of the file; write it all in one transaction only if nothing is wrong."""
    report = ImportReport()

    def check_and_write(sheets: Sheets, errors: RowErrors) -> None:
        plan = check_directory(sheets, errors)
        names = check_enterprises(sheets.get(ENTERPRISES, []), errors)
        if errors:
            return
        report.enterprises_named = sum(write_enterprises(names))
        places = PlaceTree()
        organisations, (report.organisations_created, report.organisations_updated) = (
            write_organisations(plan, places))
        report.people_created, report.people_updated = write_people(plan, organisations, places)

    report.errors = import_all_or_nothing(path, BOOK, check_and_write)
    return report


def _sheet_of_csv(header: Sequence[str]) -> str | None:
    """A CSV holds one sheet; only the organisations sheet has a kind column."""
    if "kind" in header:
        return ORGANISATIONS
    if "email" in header:
        return PEOPLE
    if "name_sw" in header or "name_fr" in header:
        return ENTERPRISES
    return None


BOOK = Book(SHEETS, _sheet_of_csv,
            "a 'kind' column (a list of organisations), an 'email' column (a list of people) "
            "or a 'name_sw' or 'name_fr' column (enterprises' names)")
