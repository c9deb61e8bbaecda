"""The directory spreadsheet's own cells (the generic ones, text and dates, are in
`learnlink.lib.spreadsheets.cells`): each function turns its text into a value or says why not.

Every message names the column and the value, so a programme officer can fix the cell without
reading code: "kind 'farmers' is not one of: farmer group, ...".
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from learnlink.lib.spreadsheets import CellError, cells
from learnlink.people.directory_format import (
    PLACE_KINDS_BY_DEPTH,
    PLACE_SEPARATOR,
    AddressCell,
    kind_labels,
    split_place,
)
from learnlink.people.models import EmailAddress, Enterprise, Organisation, Person, Place
from learnlink.people.models.persons import normalise_address

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")
UNTIL = re.compile(r"\s+until\s+", re.IGNORECASE)


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
        cells.check_length("place", name, Place, "name")
    return names


def enterprises(value: str) -> tuple[str, ...]:
    names = tuple(cells.split_list(value))
    for name in names:
        cells.check_length("enterprises", name, Enterprise, "name")
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
    cells.check_length("website", url, Organisation, "website")
    return url


def email(value: str) -> str:
    """An address in the lower case it is stored and looked up in; empty stays empty."""
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        raise CellError(f"{value!r} is not a valid email address") from None
    cells.check_length("email", value, EmailAddress, "address")
    return normalise_address(value)


def other_emails(value: str) -> tuple[AddressCell, ...]:
    """'a@x.org; b@y.org until 2021-06-30': current extra addresses and former ones."""
    addresses = []
    for item in cells.split_list(value):
        address, until = [*UNTIL.split(item, maxsplit=1), ""][:2]
        addresses.append(AddressCell(email(address), cells.date(until) if until else None))
    return tuple(addresses)


def languages(value: str) -> str:
    """Language codes ('sw, en'), stored comma-separated in lower case as Person expects."""
    codes = [code.lower() for code in cells.split_list(value, ",; ")]
    wrong = [code for code in codes if not LANGUAGE_CODE.fullmatch(code)]
    if wrong:
        raise CellError(f"languages {', '.join(map(repr, wrong))}: use codes like sw, en, fr")
    joined = ", ".join(codes)
    cells.check_length("languages", joined, Person, "languages")
    return joined
