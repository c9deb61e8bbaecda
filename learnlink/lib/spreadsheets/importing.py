"""Importing a spreadsheet all or nothing: every row of every sheet checked, then all written or
nothing.

A half-imported file is worse than none (fix one row, import again, and half the file is now
there twice), so an importer reads every cell of every sheet through its parsers, checks the
rows against each other and the database, and writes in one transaction that is rolled back if
anything anywhere was wrong; the officer gets every problem at once, each with its sheet and
row. The directory and the impact tables import this way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from django.db import transaction

from learnlink.lib.spreadsheets.cells import Parser
from learnlink.lib.spreadsheets.errors import CellError, RowErrors, SpreadsheetError
from learnlink.lib.spreadsheets.reading import Row, read_sheets

Sheets = dict[str, list[Row]]


@dataclass(frozen=True)
class SheetFormat:
    """One sheet an importer reads: every column in order with its parser, and those required.

    Columns the format does not know are refused, so that a misspelt one does not go unnoticed,
    unless `other_columns` says they are the officer's own notes, to be ignored.
    """

    name: str
    cells: Mapping[str, Parser]
    required: Sequence[str]
    other_columns: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.cells)


@dataclass(frozen=True)
class Book:
    """A kind of file an importer reads: its sheets' names, in the order problems are listed,
    and how to tell which one a CSV holds (a CSV holds one, known by its columns)."""

    sheets: Sequence[str]
    sheet_of_csv: Callable[[Sequence[str]], str | None]
    csv_columns: str  # what the first row of a CSV needs, said when it has none of it

    def read(self, path: Path) -> Sheets:
        return read_sheets(path, self._csv_sheet)

    def _csv_sheet(self, path: Path, header: Sequence[str]) -> str:
        sheet = self.sheet_of_csv(header)
        if sheet is None:
            raise SpreadsheetError(f"{path.name}: the first row needs {self.csv_columns}")
        return sheet


class ReadRow(NamedTuple):
    """A row whose every cell was read: its number in the spreadsheet and its values by column."""

    number: int
    values: dict[str, Any]


def import_all_or_nothing(path: Path, book: Book,
                          check_and_write: Callable[[Sheets, RowErrors], None]) -> list[str]:
    """Every problem with the file, each a line naming its sheet and row; empty when imported.

    `check_and_write` reports every problem it finds to the RowErrors and goes on checking; it
    may write as it goes (a later sheet may need what an earlier one creates, as sales need the
    territories of targets), since nothing stays written if it reported anything.
    """
    try:
        sheets = book.read(path)
    except SpreadsheetError as error:
        return [str(error)]
    if not any(sheet in sheets for sheet in book.sheets):
        return [f"{path.name}: has no sheet named {' or '.join(book.sheets)}"]
    errors = RowErrors(book.sheets)
    with transaction.atomic():
        check_and_write(sheets, errors)
        if errors:
            transaction.set_rollback(True)
    return errors.lines()


def sheet_columns(rows: list[Row]) -> frozenset[str]:
    """The columns a sheet's header names: a column left out of the file leaves that field of
    what it describes as it is."""
    return frozenset(rows[0].cells) if rows else frozenset()


def read_rows(sheet: SheetFormat, rows: list[Row], errors: RowErrors) -> list[ReadRow]:
    """Each row's cells read by the sheet's parsers; a row with a bad cell is reported (every bad
    cell of it) and left out. A header without a required column reads no rows at all."""
    if rows and not _check_header(sheet, sheet_columns(rows), errors):
        return []
    read = []
    for row in rows:
        values, failed = {}, False
        for column, parse in sheet.cells.items():
            try:
                values[column] = parse(row.get(column))
            except CellError as error:
                errors.add(sheet.name, row.number, str(error))
                failed = True
        if not failed:
            read.append(ReadRow(row.number, values))
    return read


def _check_header(sheet: SheetFormat, columns: frozenset[str], errors: RowErrors) -> bool:
    """Report unknown and missing columns; False when a required column is missing."""
    if not sheet.other_columns:
        for column in sorted(columns - set(sheet.columns)):
            errors.add(sheet.name, 1, f"unknown column {column!r}; the columns are "
                                      f"{', '.join(sheet.columns)}")
    missing = [column for column in sheet.required if column not in columns]
    for column in missing:
        errors.add(sheet.name, 1, f"the column {column!r} is missing")
    return not missing
