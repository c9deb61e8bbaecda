"""What the directory tests share: spreadsheets written with openpyxl, and the directory's facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from learnlink.people.models import Enterprise, Organisation, Person, Place

DATA = Path(__file__).resolve().parent.parent / "data" / "directory"


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """An Excel file with a sheet per name; each sheet's first row is its header."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def place_path(place: Place | None) -> list[tuple[str, str]]:
    return [(p.name, p.kind) for p in [*place.ancestors(), place]] if place else []


def describe_directory() -> dict[str, Any]:
    """Everything the directory spreadsheet carries, in a form two directories compare by."""
    organisations = {
        org.name: (org.kind, place_path(org.place), sorted(e.name for e in org.enterprises.all()),
                   org.parent.name if org.parent else None, org.description, org.website)
        for org in Organisation.objects.all()
    }
    people = sorted(
        (person.name, place_path(person.place), person.languages, person.phone, person.about,
         sorted((a.address, a.primary, str(a.active_to)) for a in person.email_addresses.all()),
         sorted((a.organisation.name, a.role) for a in person.affiliations.all()))
        for person in Person.objects.all()
    )
    return {"organisations": organisations, "people": people,
            "enterprises": sorted(Enterprise.objects.values_list("name", "name_sw", "name_fr"))}


def empty_the_directory() -> None:
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    Enterprise.objects.all().delete()
    while Place.objects.exists():
        Place.objects.filter(children__isnull=True).delete()
