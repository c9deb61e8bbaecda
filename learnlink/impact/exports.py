"""The impact table as CSV and as XLSX; in the workbook the totals are SUM formulas over the
rows above them, so a programme officer who edits a row sees the totals follow."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from learnlink.impact.report import Breakdown, ImpactRow, ImpactTable, ProductCell

US_DOLLARS = "#,##0"
TONNES = "#,##0.0"
COUNT = "#,##0"


def products_text(products: Sequence[ProductCell]) -> str:
    return "; ".join(p.name if p.sold else _("%(product)s (not sold yet)") % {"product": p.name}
                     for p in products)


def impact_header() -> list[str]:
    return [_("Territory"), _("Target households"), _("Products"), _("PMGs"), _("Members"),
            _("Volume sold (t)"), _("Value (US$)")]


def impact_csv(table: ImpactTable) -> str:
    """Rounded as the page shows it; the totals row holds the computed totals."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(impact_header())
    for row in table.rows:
        writer.writerow([row.territory, row.target_households, products_text(row.products),
                         row.pmgs, row.members, row.volume_rounded, row.value_rounded])
    totals = table.totals
    writer.writerow([_("Total"), totals.target_households, "", totals.pmgs, totals.members,
                     totals.volume_rounded, totals.value_rounded])
    return buffer.getvalue()


def impact_workbook(table: ImpactTable) -> bytes:
    workbook = Workbook(write_only=True)
    add_sheets(table, workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def add_sheets(table: ImpactTable, workbook: Workbook) -> None:
    """The impact table, by product and by gender; works in write-only workbooks too."""
    _impact_sheet(workbook.create_sheet(_("impact")), table.rows)
    _breakdown_sheet(workbook.create_sheet(_("by product")), _("Product"), table.by_product)
    _gender_sheet(workbook.create_sheet(_("by gender")), table.rows)


def _cell(sheet: Worksheet, value: float | str, number_format: str = "") -> Cell:
    cell = WriteOnlyCell(sheet, value)
    if number_format:
        cell.number_format = number_format
    return cell


def _sum(column: int, last_row: int) -> str:
    letter = get_column_letter(column)
    return f"=SUM({letter}2:{letter}{last_row})"


def _impact_sheet(sheet: Worksheet, rows: list[ImpactRow]) -> None:
    sheet.append(impact_header())
    for row in rows:
        sheet.append([row.territory, _cell(sheet, row.target_households, COUNT),
                      products_text(row.products), row.pmgs, _cell(sheet, row.members, COUNT),
                      _cell(sheet, float(row.volume_t), TONNES),
                      _cell(sheet, float(row.value_usd), US_DOLLARS)])
    last = len(rows) + 1
    formats = {2: COUNT, 4: COUNT, 5: COUNT, 6: TONNES, 7: US_DOLLARS}
    sheet.append([_("Total"), *(_cell(sheet, _sum(column, last), formats[column])
                                if column in formats else "" for column in range(2, 8))])


def _breakdown_sheet(sheet: Worksheet, label: str, rows: list[Breakdown]) -> None:
    sheet.append([label, _("Territories"), _("Sales"), _("Volume sold (t)"), _("Value (US$)")])
    for row in rows:
        sheet.append([row.name, ", ".join(row.territories), row.sales,
                      _cell(sheet, float(row.volume_t), TONNES),
                      _cell(sheet, float(row.value_usd), US_DOLLARS)])
    last = len(rows) + 1
    sheet.append([_("Total"), "", _sum(3, last), _cell(sheet, _sum(4, last), TONNES),
                  _cell(sheet, _sum(5, last), US_DOLLARS)])


def _gender_sheet(sheet: Worksheet, rows: list[ImpactRow]) -> None:
    sheet.append([_("Territory"), _("PMGs"), _("Members"), _("Women"), _("Men"), _("Youth")])
    for row in rows:
        sheet.append([row.territory, row.pmgs, row.members, row.women, row.men, row.youth])
    last = len(rows) + 1
    sheet.append([_("Total"), *(_sum(column, last) for column in range(2, 7))])
