"""Typed cells: each parser turns a cell's text into a value or raises CellError saying why not.

These are the kinds of cell every importer has (text that must fit its database column, ISO
dates, whole numbers, amounts, lists); an app adds its own beside them (a kind of
organisation, a unit of sale). Every message names the column and the value, so a programme
officer can fix the cell without reading code: "quantity '-5' is negative".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models

from learnlink.lib.fields import declared_length
from learnlink.lib.spreadsheets.errors import CellError

Parser = Callable[[str], Any]

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LIST_SEPARATOR = "; "  # what exports write between the items of a list cell


def text(column: str, model: type[models.Model], field_name: str | None = None,
         required: bool = False) -> Parser:
    """A parser for free text stored in `model.field_name`: present if required, not too long."""
    def parse(value: str) -> str:
        if required and not value:
            raise CellError(f"{column} is required")
        check_length(column, value, model, field_name or column)
        return value

    return parse


def check_length(column: str, value: str, model: type[models.Model], field_name: str) -> None:
    """Refuse text longer than the database column holds, rather than fail halfway through."""
    max_length = declared_length(model, field_name)
    if max_length is not None and len(value) > max_length:
        raise CellError(f"{column} is {len(value)} characters long; at most {max_length} fit")


def date(value: str) -> datetime.date:
    """A day written the one way no spreadsheet misreads: 2021-06-30."""
    try:
        if ISO_DATE.fullmatch(value):
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise CellError(f"{value!r} is not a date written like 2021-06-30")


def count(column: str, optional: bool = False) -> Callable[[str], int | None]:
    """A parser for a whole number of zero or more, thousands commas allowed; an optional one
    may be empty (not known)."""
    def parse(value: str) -> int | None:
        if not value and optional:
            return None
        digits = value.replace(",", "").replace(" ", "")
        if not digits.lstrip("-").isdigit():
            raise CellError(f"{column} {value!r} is not a whole number")
        if int(digits) < 0:
            raise CellError(f"{column} {value!r} is negative")
        return int(digits)

    return parse


def amount(column: str) -> Callable[[str], Decimal]:
    """A parser for a quantity or a sum of money: a Decimal of zero or more, thousands commas
    allowed."""
    def parse(value: str) -> Decimal:
        try:
            number = Decimal(value.replace(",", "").replace(" ", ""))
        except InvalidOperation:
            raise CellError(f"{column} {value!r} is not a number") from None
        if not number.is_finite():
            raise CellError(f"{column} {value!r} is not a number")
        if number < 0:
            raise CellError(f"negative {column} {value}")
        return number

    return parse


def split_list(cell: str, separators: str = ";") -> list[str]:
    """The non-empty items of a cell like 'oranges; black pepper', in order, each once."""
    for separator in separators[1:]:
        cell = cell.replace(separator, separators[0])
    items = [item.strip() for item in cell.split(separators[0])]
    unique: dict[str, str] = {}
    for item in items:
        if item:
            unique.setdefault(item.casefold(), item)
    return list(unique.values())
