"""One cell of a directory spreadsheet: each function turns its text into a value or says why not.

Every message names the column and the value, so a programme officer can fix the cell without
reading code: "kind 'farmers' is not one of: farmer group, ...".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models

from learnlink.people.directory_format import (
    PLACE_KINDS_BY_DEPTH,
    PLACE_SEPARATOR,
    AddressCell,
    kind_labels,
    split_list,
    split_place,
)
from learnlink.people.models import EmailAddress, Enterprise, Organisation, Person, Place
from learnlink.people.models.persons import normalise_address

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
UNTIL = re.compile(r"\s+until\s+", re.IGNORECASE)

Parser = Callable[[str], Any]


class CellError(ValueError):
    """A cell whose text cannot be used; the message is the whole explanation."""


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
    field = model._meta.get_field(field_name)
    max_length = field.max_length if isinstance(field, models.Field) else None
    if max_length is not None and len(value) > max_length:
        raise CellError(f"{column} is {len(value)} characters long; at most {max_length} fit")


def kind(value: str) -> str:
    """An organisation kind by its English label or its code, in any case."""
    if not value:
        raise CellError("kind is required")
    labels = kind_labels()
    codes = {spelling.casefold(): code for code, label in labels.items()
             for spelling in (code, label)}
    if value.casefold() not in codes:
        raise CellError(f"kind {value!r} is not one of: {', '.join(labels.values())}")
    return codes[value.casefold()]


def place(value: str) -> tuple[str, ...]:
    """A path of place names from the country down, at most as deep as a village."""
    names = split_place(value)
    example = PLACE_SEPARATOR.join(("Tanzania", "Tanga", "Muheza"))
    if not all(names):
        raise CellError(f"place {value!r} has an empty level; write it like {example}")
    if len(names) > len(PLACE_KINDS_BY_DEPTH):
        levels = PLACE_SEPARATOR.join(PLACE_KINDS_BY_DEPTH)
        raise CellError(f"place {value!r} has {len(names)} levels; at most {levels}")
    for name in names:
        check_length("place", name, Place, "name")
    return names


def enterprises(value: str) -> tuple[str, ...]:
    names = tuple(split_list(value))
    for name in names:
        check_length("enterprises", name, Enterprise, "name")
    return names


def website(value: str) -> str:
    """A web address; one typed without https:// (as most are) gets it."""
    if not value:
        return ""
    url = value if "://" in value else f"https://{value}"
    try:
        URLValidator()(url)
    except ValidationError:
        raise CellError(f"website {value!r} is not a web address") from None
    check_length("website", url, Organisation, "website")
    return url


def email(value: str) -> str:
    """An address in the lower case it is stored and looked up in; empty stays empty."""
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        raise CellError(f"{value!r} is not a valid email address") from None
    check_length("email", value, EmailAddress, "address")
    return normalise_address(value)


def other_emails(value: str) -> tuple[AddressCell, ...]:
    """'a@x.org; b@y.org until 2021-06-30': current extra addresses and former ones."""
    cells = []
    for item in split_list(value):
        address, until = [*UNTIL.split(item, maxsplit=1), ""][:2]
        cells.append(AddressCell(email(address), date(until) if until else None))
    return tuple(cells)


def date(value: str) -> datetime.date:
    try:
        if ISO_DATE.fullmatch(value):
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise CellError(f"{value!r} is not a date written like 2021-06-30")


def languages(value: str) -> str:
    """Language codes ('sw, en'), stored comma-separated in lower case as Person expects."""
    codes = [code.lower() for code in split_list(value, ",; ")]
    wrong = [code for code in codes if not LANGUAGE_CODE.fullmatch(code)]
    if wrong:
        raise CellError(f"languages {', '.join(map(repr, wrong))}: use codes like sw, en, fr")
    joined = ", ".join(codes)
    check_length("languages", joined, Person, "languages")
    return joined
