"""Reading the spreadsheets programme officers send: CSV and XLSX (`writing` writes them).

Every cell is read as stripped text, exactly as a CSV would give it, so one parser serves both
formats and the importers never see Excel's floats or datetimes. Rows keep their spreadsheet
row number (the header is row 1) so an error can say which line of the file to fix.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from learnlink.lib.spreadsheets.errors import SpreadsheetError
from learnlink.lib.spreadsheets.writing import restored

CSV_DELIMITERS = ",;\t"


@dataclass(frozen=True)
class Row:
    """One data row: its 1-based row number in the spreadsheet and its cells by column name."""

    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """The cell's text; empty when the column is absent, as when it is blank."""
        return self.cells.get(column, "")


def default_csv_sheet_name(path: Path, header: Sequence[str]) -> str:
    """A CSV holds one sheet; without a better rule it is named after the file."""
    return path.stem.lower()


def read_sheets(
    path: Path, csv_sheet_name: Callable[[Path, Sequence[str]], str] = default_csv_sheet_name,
) -> dict[str, list[Row]]:
    """Every sheet's data rows by lower-cased sheet name, fully blank rows left out.

    `csv_sheet_name` names the one sheet of a CSV file from its header (the column names), so a
    caller that expects several sheets can tell which one a CSV holds.
    """
    readers = {".csv": _read_csv, ".xlsx": _read_xlsx}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise SpreadsheetError(f"{path.name}: cannot read a {path.suffix or 'nameless'} file; "
                               "use .csv or .xlsx")
    try:
        tables = reader(path)
    # openpyxl raises KeyError for a zip file without a workbook inside
    except (OSError, UnicodeDecodeError, csv.Error, zipfile.BadZipFile, InvalidFileException,
            KeyError) as error:
        raise SpreadsheetError(f"{path.name}: cannot be read ({_describe(error)})") from error
    sheets = {}
    for name, header, raw_rows in tables:
        sheet = name.strip().lower() if name is not None else csv_sheet_name(path, header)
        sheets[sheet] = _rows(f"{path.name}, sheet {sheet}", header, raw_rows)
    return sheets


def _describe(error: Exception) -> str:
    """Say what is wrong in words a programme officer can act on."""
    if isinstance(error, UnicodeDecodeError):
        return "it is not UTF-8 text; in Excel save it as 'CSV UTF-8'"
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, zipfile.BadZipFile | InvalidFileException | KeyError):
        return "it is not an Excel workbook"
    return str(error)


# A sheet as read: its name (None for a CSV), its column names, its rows of raw cell values.
RawTable = tuple[str | None, list[str], Sequence[Sequence[object]]]


def _read_csv(path: Path) -> list[RawTable]:
    """UTF-8 with or without Excel's byte-order mark; commas, or semicolons as French Excel saves.

    The delimiter is sniffed from the header line alone: data cells may hold the other
    delimiter (a list of enterprises separated by semicolons, say), the header does not.
    """
    text = path.read_text(encoding="utf-8-sig")
    header_line = text.partition("\n")[0]
    try:
        delimiter = csv.Sniffer().sniff(header_line, CSV_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    # Only the delimiter is sniffed: quoting is Excel's, which a header line cannot show.
    rows = list(csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter))
    header = [_header_name(cell) for cell in rows[0]] if rows else []
    return [(None, header, rows[1:])]


def _read_xlsx(path: Path) -> list[RawTable]:
    """Every worksheet, values only (formulas give their last computed value)."""
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        tables: list[RawTable] = []
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # some writers record a wrong size; read every row there is
            rows = list(sheet.iter_rows(min_row=1, values_only=True))
            header = [_header_name(cell) for cell in rows[0]] if rows else []
            tables.append((sheet.title, header, rows[1:]))
        return tables
    finally:
        workbook.close()


def _header_name(cell: object) -> str:
    return _cell_text(cell).lower()


def _rows(where: str, header: list[str], raw_rows: Sequence[Sequence[object]]) -> list[Row]:
    """Data rows numbered from 2 (the header is row 1); blank rows are skipped, not renumbered.

    Columns without a name are ignored; a name given twice is refused, since one of the two
    columns would silently be lost.
    """
    named = [column for column in header if column]
    repeated = sorted({column for column in named if named.count(column) > 1})
    if repeated:
        raise SpreadsheetError(f"{where}: the column {', '.join(map(repr, repeated))} "
                               "appears more than once")
    rows = []
    for number, raw in enumerate(raw_rows, start=2):
        cells = {column: _cell_text(value)
                 for column, value in zip_longest(header, raw) if column}
        if any(cells.values()):
            rows.append(Row(number, cells))
    return rows


def _cell_text(value: object) -> str:
    """A cell as the text a person typed: whole numbers without '.0', dates in ISO form, and
    the apostrophe our exports put before a formula's first character taken off."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return restored(str(value).strip()).strip()

