"""The alliance as one spreadsheet: its overview, then every registered section's sheets."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from learnlink.alliance.models import Alliance
from learnlink.alliance.overview import overview
from learnlink.alliance.sections import sections


def header(sheet: Worksheet, titles: list[str]) -> None:
    """A bold first row; every sheet of the export starts with one."""
    sheet.append(titles)
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def _overview_sheet(alliance: Alliance, book: Workbook) -> None:
    data = overview(alliance)
    sheet = book.create_sheet(_("Alliance"))
    header(sheet, [_("Field"), _("Value")])
    sheet.append([_("Name"), alliance.name])
    sheet.append([_("Common goal"), alliance.goal])
    sheet.append([_("Start"), alliance.start])
    sheet.append([_("End"), alliance.end])
    for objective in data["objectives"]:
        sheet.append([_("Objective"), objective.text, str(objective.partner)])
    partners = book.create_sheet(_("Partners"))
    header(partners, [_("Organisation"), _("Role"), _("Country"), _("Responsibilities")])
    for partner in data["partners"]:
        partners.append([partner.organisation.name, partner.get_role_display(),
                         partner.country.name if partner.country else "",
                         partner.responsibilities])
    cycles = book.create_sheet(_("Cycles"))
    header(cycles, [_("Cycle"), _("Start"), _("End"), _("Step"), _("From"), _("To")])
    for cycle in data["cycles"]:
        cycles.append([cycle.number, cycle.start, cycle.end])
        for stage in cycle.stages.all():
            cycles.append([cycle.number, None, None, stage.get_step_display(), stage.start,
                           stage.end])


def workbook(alliance: Alliance) -> Workbook:
    book = Workbook()
    book.remove(book.worksheets[0])
    _overview_sheet(alliance, book)
    for section in sections():
        if section.sheets is not None:
            section.sheets(alliance, book)
    for sheet in book.worksheets:
        for index, column in enumerate(sheet.iter_cols(values_only=True), start=1):
            width = max(len(str(value or "")) for value in column)
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)
    return book


def export(alliance: Alliance, target: str | Path | IO[bytes]) -> None:
    workbook(alliance).save(target)
