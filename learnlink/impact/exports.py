"""The impact table as CSV and as XLSX; in the workbook the totals are SUM formulas over the
rows above them, so a programme officer who edits a row sees the totals follow. Both are
written by `learnlink.lib.spreadsheets`, which keeps a territory or product named `=...` text."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from learnlink.impact.report import Breakdown, ImpactRow, ImpactTable, ProductCell
from learnlink.lib.spreadsheets import Formatted, Formula, Table, Value, csv_bytes, xlsx_bytes

US_DOLLARS = "#,##0"
TONNES = "#,##0.0"
COUNT = "#,##0"


def products_text(products: Sequence[ProductCell]) -> str:
    return "; ".join(p.name if p.sold else _("%(product)s (not sold yet)") % {"product": p.name}
                     for p in products)


def impact_header() -> list[str]:
    return [_("Territory"), _("Target households"), _("Products"), _("PMGs"), _("Members"),
            _("Volume sold (t)"), _("Value (US$)")]


def impact_csv(table: ImpactTable) -> bytes:
    """Rounded as the page shows it; the totals row holds the computed totals."""
    rows: list[list[Value]] = [
        [row.territory, row.target_households, products_text(row.products), row.pmgs,
         row.members, row.volume_rounded, row.value_rounded] for row in table.rows]
    totals = table.totals
    rows.append([_("Total"), totals.target_households, "", totals.pmgs, totals.members,
                 totals.volume_rounded, totals.value_rounded])
    return csv_bytes(Table(impact_header(), rows))


def impact_workbook(table: ImpactTable) -> bytes:
    return xlsx_bytes(impact_sheets(table))


def impact_sheets(table: ImpactTable) -> dict[str, Table]:
    """The impact table, by product and by gender; the alliance's export adds them too."""
    return {_("impact"): _impact_sheet(table.rows),
            _("by product"): _breakdown_sheet(_("Product"), table.by_product),
            _("by gender"): _gender_sheet(table.rows)}


def _sum(column: int, last_row: int, number_format: str = "") -> Value:
    letter = get_column_letter(column)
    formula = Formula(f"=SUM({letter}2:{letter}{last_row})")
    return Formatted(formula, number_format) if number_format else formula


def _impact_sheet(rows: list[ImpactRow]) -> Table:
    lines: list[list[Value]] = [
        [row.territory, Formatted(row.target_households, COUNT), products_text(row.products),
         row.pmgs, Formatted(row.members, COUNT), Formatted(float(row.volume_t), TONNES),
         Formatted(float(row.value_usd), US_DOLLARS)] for row in rows]
    last = len(rows) + 1
    formats = {2: COUNT, 4: COUNT, 5: COUNT, 6: TONNES, 7: US_DOLLARS}
    lines.append([_("Total"), *(_sum(column, last, formats[column]) if column in formats else ""
                                for column in range(2, 8))])
    return Table(impact_header(), lines)


def _breakdown_sheet(label: str, rows: list[Breakdown]) -> Table:
    lines: list[list[Value]] = [
        [row.name, ", ".join(row.territories), row.sales, Formatted(float(row.volume_t), TONNES),
         Formatted(float(row.value_usd), US_DOLLARS)] for row in rows]
    last = len(rows) + 1
    lines.append([_("Total"), "", _sum(3, last), _sum(4, last, TONNES),
                  _sum(5, last, US_DOLLARS)])
    return Table([label, _("Territories"), _("Sales"), _("Volume sold (t)"), _("Value (US$)")],
                 lines)


def _gender_sheet(rows: list[ImpactRow]) -> Table:
    lines: list[list[Value]] = [[row.territory, row.pmgs, row.members, row.women, row.men,
                                 row.youth] for row in rows]
    last = len(rows) + 1
    lines.append([_("Total"), *(_sum(column, last) for column in range(2, 7))])
    return Table([_("Territory"), _("PMGs"), _("Members"), _("Women"), _("Men"), _("Youth")],
                 lines)
