"""Spreadsheets in and out: what every app that imports or exports a CSV or XLSX file uses.

Apps import from here, and the typed cells as `cells` (`cells.date`, `cells.text(...)`); the
modules split the work by concept: `reading` turns a file into numbered rows of text, `cells`
types a cell, `importing` runs the row loop and the all-or-nothing import, `errors` says what
is wrong, and `writing` writes what we hand out so that opening it runs nothing.
"""

from learnlink.lib.spreadsheets.errors import CellError, RowErrors, SpreadsheetError
from learnlink.lib.spreadsheets.importing import (
    Book,
    ReadRow,
    SheetFormat,
    Sheets,
    import_all_or_nothing,
    read_rows,
    sheet_columns,
)
from learnlink.lib.spreadsheets.reading import Row, read_sheets
from learnlink.lib.spreadsheets.writing import (
    XLSX_TYPE,
    Formatted,
    Formula,
    Table,
    Value,
    csv_bytes,
    neutralised,
    restored,
    write_sheets,
    xlsx_bytes,
)

__all__ = [
    "XLSX_TYPE",
    "Book",
    "CellError",
    "Formatted",
    "Formula",
    "ReadRow",
    "Row",
    "RowErrors",
    "SheetFormat",
    "Sheets",
    "SpreadsheetError",
    "Table",
    "Value",
    "csv_bytes",
    "import_all_or_nothing",
    "neutralised",
    "read_rows",
    "read_sheets",
    "restored",
    "sheet_columns",
    "write_sheets",
    "xlsx_bytes",
]
