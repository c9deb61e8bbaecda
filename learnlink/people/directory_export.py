"""Exporting the directory in the spreadsheet format the import reads (docs/directory.md).

An officer exports, edits in Excel and imports again; a new installation imports another's
export. So what is written here reads back as the same directory, and the whole export takes
the same handful of queries however large the directory is.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

from django.db.models import Prefetch

from learnlink.lib.spreadsheets import SpreadsheetError, Table, cells, write_sheets
from learnlink.people.directory_format import (
    COLUMNS,
    ENTERPRISES,
    ORGANISATIONS,
    PEOPLE,
    SHEETS,
    AddressCell,
    kind_labels,
)
from learnlink.people.models import (
    Affiliation,
    EmailAddress,
    Enterprise,
    Organisation,
    Person,
    Place,
)


def export_directory(path: Path, sheet: str | None = None) -> None:
    """Write both sheets to an XLSX file, or the one sheet named to a CSV or XLSX file."""
    if sheet is not None and sheet not in SHEETS:
        raise SpreadsheetError(f"there is no sheet {sheet!r}; the sheets are {', '.join(SHEETS)}")
    if sheet is None and path.suffix.lower() == ".csv":
        raise SpreadsheetError(f"{path.name}: a CSV file holds one sheet; say which, "
                               f"{' or '.join(SHEETS)}")
    place_paths: dict[int | None, str] = {None: ""}
    place_paths.update((place.pk, place.path) for place in Place.objects.with_path())
    tables = {ORGANISATIONS: _organisations, PEOPLE: _people, ENTERPRISES: _enterprises}
    write_sheets(path, {name: Table(COLUMNS[name], tables[name](place_paths))
                        for name in ((sheet,) if sheet else SHEETS)})


def _organisations(place_paths: dict[int | None, str]) -> Iterator[list[str]]:
    labels = kind_labels()
    for org in Organisation.objects.for_directory().order_by("name"):
        yield [
            org.name,
            labels[org.kind],
            place_paths[org.place_id],
            cells.LIST_SEPARATOR.join(sorted(enterprise.name
                                             for enterprise in org.enterprises.all())),
            org.parent.name if org.parent else "",
            org.description,
            org.website,
        ]


def _enterprises(_place_paths: dict[int | None, str]) -> Iterator[list[str]]:
    for enterprise in Enterprise.objects.order_by("name"):
        yield [enterprise.name, enterprise.name_sw, enterprise.name_fr]


def _people(place_paths: dict[int | None, str]) -> Iterator[list[str]]:
    """One row per affiliation (one row for someone with none), each row complete in itself."""
    people = Person.objects.order_by("name", "pk").prefetch_related(
        "email_addresses",
        Prefetch("affiliations", Affiliation.objects.select_related("organisation")
                 .order_by("organisation__name")),
    )
    for person in people:
        email, other_emails = _addresses(list(person.email_addresses.all()))
        details = [
            place_paths[person.place_id],
            person.languages,
            person.phone,
            person.about,
        ]
        affiliations = [[affiliation.organisation.name, affiliation.role]
                        for affiliation in person.affiliations.all()]
        for organisation in affiliations or [["", ""]]:
            yield [person.name, email, other_emails, *organisation, *details]


def _addresses(records: list[EmailAddress]) -> tuple[str, str]:
    """The primary current address, and the others: current ones, then former ones by date."""
    records.sort(key=lambda r: (r.active_to is not None, r.active_to or datetime.date.min,
                                not r.primary, r.address))
    primary = next((r for r in records if r.primary and r.active_to is None), None)
    others = [str(AddressCell(r.address, r.active_to)) for r in records if r is not primary]
    return (primary.address if primary else ""), cells.LIST_SEPARATOR.join(others)
