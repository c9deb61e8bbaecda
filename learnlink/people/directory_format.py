"""The directory spreadsheet's columns and the way its cells are spelled (docs/directory.md).

Import and export both use these, so what one writes the other reads back unchanged.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import translation

from learnlink.people.models import OrganisationKind, PlaceKind

ORGANISATIONS = "organisations"
PEOPLE = "people"
ENTERPRISES = "enterprises"
SHEETS = (ORGANISATIONS, PEOPLE, ENTERPRISES)

COLUMNS = {
    ORGANISATIONS: ("name", "kind", "place", "enterprises", "parent", "description", "website"),
    PEOPLE: ("name", "email", "other_emails", "organisation", "role", "place", "languages",
             "phone", "about"),
    ENTERPRISES: ("name", "name_sw", "name_fr"),
}
REQUIRED_COLUMNS = {ORGANISATIONS: ("name", "kind"), PEOPLE: ("name",), ENTERPRISES: ("name",)}

PLACE_SEPARATOR = " / "
UNTIL = " until "
# A place's kind follows from its depth in the path: "Tanzania / Tanga / Muheza" is a district.
PLACE_KINDS_BY_DEPTH = tuple(PlaceKind)


def kind_labels() -> dict[str, str]:
    """Each kind's English label by code; the file format is English whatever the UI language."""
    with translation.override("en"):
        return {code: str(label) for code, label in OrganisationKind.choices}


def split_place(text: str) -> tuple[str, ...]:
    """'Tanzania / Tanga / Muheza' as its names from the country down; empty for an empty cell."""
    return tuple(name.strip() for name in text.split("/")) if text.strip() else ()


@dataclass(frozen=True)
class AddressCell:
    """One item of other_emails: an address, and the day it stopped being used if it has."""

    address: str
    until: datetime.date | None = None

    def __str__(self) -> str:
        return f"{self.address}{UNTIL}{self.until.isoformat()}" if self.until else self.address
