"""Importing the directory from a spreadsheet: every row is checked, then all is written or
nothing is.

Programme officers keep their contact lists in Excel. A half-imported file is worse than none
(fix one row, import again, and half the file is now there twice), so every row of every sheet
is checked, every problem is reported with its row number, and only a file without problems is
written, in one transaction. Importing a file again updates what it describes and adds nothing
twice. The format is described in docs/directory.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from learnlink.lib.spreadsheets import SpreadsheetError
from learnlink.people.directory_checks import RowErrors, check_directory
from learnlink.people.directory_enterprises import check_enterprises, write_enterprises
from learnlink.people.directory_format import ENTERPRISES, ORGANISATIONS, PEOPLE, SHEETS
from learnlink.people.directory_writer import PlaceTree, write_organisations, write_people
from learnlink.people.spreadsheets import read_sheets


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
    try:
        sheets = read_sheets(path, _csv_sheet)
    except SpreadsheetError as error:
        report.errors.append(str(error))
        return report
    if not any(sheet in sheets for sheet in SHEETS):
        report.errors.append(f"{path.name}: has no sheet named {' or '.join(SHEETS)}")
        return report
    with transaction.atomic():
        errors = RowErrors()
        plan = check_directory(sheets, errors)
        names = check_enterprises(sheets.get(ENTERPRISES, []), errors)
        report.errors = errors.lines()
        if not report.errors:
            report.enterprises_named = sum(write_enterprises(names))
            places = PlaceTree()
            organisations, (report.organisations_created, report.organisations_updated) = (
                write_organisations(plan, places))
            report.people_created, report.people_updated = write_people(plan, organisations,
                                                                        places)
    return report


def _csv_sheet(path: Path, header: Sequence[str]) -> str:
    """A CSV holds one sheet; only the organisations sheet has a kind column."""
    if "kind" in header:
        return ORGANISATIONS
    if "email" in header:
        return PEOPLE
    if "name_sw" in header or "name_fr" in header:
        return ENTERPRISES
    raise SpreadsheetError(f"{path.name}: the first row needs a 'kind' column (a list of "
                           "organisations), an 'email' column (a list of people) or a "
                           "'name_sw' or 'name_fr' column (enterprises' names)")
