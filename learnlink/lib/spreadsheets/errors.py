"""What can be wrong with a spreadsheet, in words the programme officer who sent it can act on.

A file as a whole (not a spreadsheet, a column given twice) is a SpreadsheetError and stops at
once; a cell is a CellError, which the row loop collects into RowErrors and reading goes on, so
one pass names every row to fix.
"""

from __future__ import annotations

from collections.abc import Sequence


class SpreadsheetError(Exception):
    """A file that cannot be read or written as a spreadsheet; the message is for the user."""


class CellError(ValueError):
    """A cell whose text cannot be used; the message is the whole explanation."""


class RowErrors:
    """Problems found, reported sheet by sheet in row order whatever order they were found in.

    `sheets` gives the order of the sheets: an importer's own, as its file holds them.
    """

    def __init__(self, sheets: Sequence[str]) -> None:
        self._sheets = tuple(sheets)
        self._found: list[tuple[int, int, str]] = []

    def add(self, sheet: str, row: int, message: str) -> None:
        self._found.append((self._sheets.index(sheet), row, message))

    def __bool__(self) -> bool:
        return bool(self._found)

    def lines(self) -> list[str]:
        return [f"{self._sheets[sheet]} row {row}: {message}"
                for sheet, row, message in sorted(self._found, key=lambda found: found[:2])]
