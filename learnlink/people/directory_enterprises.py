"""The enterprises sheet of the directory spreadsheet: an enterprise's name in Kiswahili and in
French beside its English one (docs/directory.md).

Organisations name their enterprises in English in their own sheet, so that one enterprise is
one row of the directory whatever language its groups speak; this sheet says what readers of
the other languages call it ("machungwa", "oranges"). Pages show the name in the reader's
language and fall back to the English one.
"""

from __future__ import annotations

from dataclasses import dataclass

from learnlink.lib.spreadsheets import Row, RowErrors, SheetFormat, cells, read_rows, sheet_columns
from learnlink.people.directory_format import ENTERPRISES, REQUIRED_COLUMNS
from learnlink.people.models import Enterprise
from learnlink.people.slugs import unique_slug

ENTERPRISE_SHEET = SheetFormat(ENTERPRISES, {
    "name": cells.text("name", Enterprise, required=True),
    "name_sw": cells.text("name_sw", Enterprise),
    "name_fr": cells.text("name_fr", Enterprise),
}, REQUIRED_COLUMNS[ENTERPRISES])


@dataclass(frozen=True)
class EnterpriseRow:
    row: int
    name: str
    name_sw: str
    name_fr: str


@dataclass(frozen=True)
class EnterprisePlan:
    """The sheet's enterprises by lower-cased English name, and which columns it has."""

    entries: dict[str, EnterpriseRow]
    columns: frozenset[str]


def check_enterprises(rows: list[Row], errors: RowErrors) -> EnterprisePlan:
    """Every row read; an enterprise named twice must be given the same names."""
    entries: dict[str, EnterpriseRow] = {}
    for row in read_rows(ENTERPRISE_SHEET, rows, errors):
        entry = EnterpriseRow(row.number, **row.values)
        first = entries.setdefault(entry.name.casefold(), entry)
        if (first.name_sw, first.name_fr) != (entry.name_sw, entry.name_fr):
            errors.add(ENTERPRISES, entry.row,
                       f"{entry.name!r} is also on row {first.row}, with other names")
    return EnterprisePlan(entries, sheet_columns(rows))


def write_enterprises(plan: EnterprisePlan) -> tuple[int, int]:
    """Create or update the sheet's enterprises; a column left out leaves its names as they
    are. Returns how many were created and how many changed."""
    existing = {e.name.casefold(): e for e in Enterprise.objects.all()}
    named = [column for column in ("name_sw", "name_fr") if column in plan.columns]
    created = changed = 0
    for key, entry in plan.entries.items():
        enterprise = existing.get(key)
        if enterprise is None:
            Enterprise.objects.create(name=entry.name, slug=unique_slug(Enterprise, entry.name),
                                      **{column: getattr(entry, column) for column in named})
            created += 1
            continue
        changes = [column for column in named
                   if getattr(enterprise, column) != getattr(entry, column)]
        for column in changes:
            setattr(enterprise, column, getattr(entry, column))
        if changes:
            enterprise.save(update_fields=changes)
            changed += 1
    return created, changed
