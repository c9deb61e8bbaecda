"""Checking a directory spreadsheet before anything is written: every row, every sheet.

Each problem is reported with its sheet and row number ("people row 4: 'bob@' is not a valid
email address") and checking goes on, so one pass shows the officer everything to fix. What the
checks produce, a DirectoryPlan, says who in the file is already in the directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from learnlink.lib.spreadsheets import Row, RowErrors, SheetFormat, cells, read_rows, sheet_columns
from learnlink.people import directory_cells
from learnlink.people.addresses import current_holder, person_for_address
from learnlink.people.directory_format import ORGANISATIONS, PEOPLE, REQUIRED_COLUMNS, AddressCell
from learnlink.people.models import Affiliation, Organisation, Person


@dataclass(frozen=True)
class OrganisationRow:
    """One row of the organisations sheet, every cell read and checked."""

    row: int
    name: str
    kind: str
    place: tuple[str, ...]
    enterprises: tuple[str, ...]
    parent: str
    description: str
    website: str

    def details(self) -> tuple[Any, ...]:
        """Everything but the row number: two rows for one organisation must agree on it."""
        return (self.name, self.kind, self.place, self.enterprises, self.parent,
                self.description, self.website)


@dataclass(frozen=True)
class PersonRow:
    """One row of the people sheet: a person and (at most) one of their affiliations."""

    row: int
    name: str
    email: str
    other_emails: tuple[AddressCell, ...]
    organisation: str
    role: str
    place: tuple[str, ...]
    languages: str
    phone: str
    about: str

    def addresses(self) -> list[AddressCell]:
        primary = [AddressCell(self.email)] if self.email else []
        return [*primary, *self.other_emails]


# Person details that any one of a person's rows may give; rows that give them must agree.
PERSON_DETAILS = ("place", "languages", "phone", "about")


@dataclass
class PersonEntry:
    """One person as the file describes them, from one or more rows, and who they are already."""

    rows: list[PersonRow]
    match: Person | None = None

    @property
    def name(self) -> str:
        return self.rows[0].name

    @property
    def email(self) -> str:
        return next((row.email for row in self.rows if row.email), "")

    def detail(self, column: str) -> Any:
        """The first value the rows give for a person detail, else the (empty) first one."""
        values = [getattr(row, column) for row in self.rows]
        return next((value for value in values if value), values[0])

    def addresses(self) -> list[AddressCell]:
        """Each address once: the primary, other current ones, then former ones."""
        primary = [AddressCell(self.email)] if self.email else []
        others = [cell for row in self.rows for cell in row.other_emails]
        return sorted(dict.fromkeys([*primary, *others]), key=lambda cell: cell.until is not None)

    def current_addresses(self) -> list[str]:
        return [cell.address for cell in self.addresses() if cell.until is None]

    def affiliations(self) -> dict[str, tuple[str, str]]:
        """(organisation name, role) by organisation key; a row without a role does not clear
        the role another row gives."""
        found: dict[str, tuple[str, str]] = {}
        for row in self.rows:
            if row.organisation:
                key = row.organisation.casefold()
                found[key] = (row.organisation, row.role or found.get(key, ("", ""))[1])
        return found


@dataclass
class DirectoryPlan:
    """A checked file, ready to write: its entries, and which columns it has."""

    organisations: dict[str, OrganisationRow]
    organisation_columns: frozenset[str]
    people: list[PersonEntry]
    people_columns: frozenset[str]
    existing: dict[str, Organisation]


ORGANISATION_SHEET = SheetFormat(ORGANISATIONS, {
    "name": cells.text("name", Organisation, required=True),
    "kind": directory_cells.kind,
    "place": directory_cells.place,
    "enterprises": directory_cells.enterprises,
    "parent": cells.text("parent", Organisation, "name"),
    "description": cells.text("description", Organisation),
    "website": directory_cells.website,
}, REQUIRED_COLUMNS[ORGANISATIONS])
PEOPLE_SHEET = SheetFormat(PEOPLE, {
    "name": cells.text("name", Person, required=True),
    "email": directory_cells.email,
    "other_emails": directory_cells.other_emails,
    "organisation": cells.text("organisation", Organisation, "name"),
    "role": cells.text("role", Affiliation),
    "place": directory_cells.place,
    "languages": directory_cells.languages,
    "phone": cells.text("phone", Person),
    "about": cells.text("about", Person),
}, REQUIRED_COLUMNS[PEOPLE])


def check_directory(sheets: dict[str, list[Row]], errors: RowErrors) -> DirectoryPlan:
    """Read and check both sheets, and find what in the file the directory already has."""
    existing = {org.name.casefold(): org for org in
                Organisation.objects.select_related("parent").prefetch_related("enterprises")}
    organisation_rows = sheets.get(ORGANISATIONS, [])
    named_in_file = {row.get("name").casefold() for row in organisation_rows if row.get("name")}
    known = set(existing) | named_in_file
    organisations = _check_organisations(organisation_rows, known, existing, errors)
    people = _check_people(sheets.get(PEOPLE, []), known, existing, errors)
    return DirectoryPlan(organisations, sheet_columns(organisation_rows), people,
                         sheet_columns(sheets.get(PEOPLE, [])), existing)


def _check_organisations(rows: list[Row], known: set[str], existing: dict[str, Organisation],
                         errors: RowErrors) -> dict[str, OrganisationRow]:
    """The file's organisations by lower-cased name; a name given twice must say the same."""
    entries: dict[str, OrganisationRow] = {}
    for row in read_rows(ORGANISATION_SHEET, rows, errors):
        entry = OrganisationRow(row.number, **row.values)
        first = entries.setdefault(entry.name.casefold(), entry)
        if first.details() != entry.details():
            errors.add(ORGANISATIONS, entry.row,
                       f"{entry.name!r} is also on row {first.row}, with different details")
    if "parent" in sheet_columns(rows):
        _check_parents(entries, known, existing, errors)
    return entries


def _check_parents(entries: dict[str, OrganisationRow], known: set[str],
                   existing: dict[str, Organisation], errors: RowErrors) -> None:
    """Each parent exists, and no organisation ends up inside itself."""
    parent_of = {key: org.parent.name.casefold() for key, org in existing.items() if org.parent}
    parent_of.update({key: entry.parent.casefold() for key, entry in entries.items()})
    names = {key: org.name for key, org in existing.items()}
    names.update({key: entry.name for key, entry in entries.items()})
    for key, entry in entries.items():
        if not entry.parent:
            continue
        if entry.parent.casefold() not in known:
            errors.add(ORGANISATIONS, entry.row, f"parent {entry.parent!r} is neither in the "
                                                 "directory nor in this file")
            continue
        chain = _parent_chain(key, parent_of)
        if chain[-1] == key:
            errors.add(ORGANISATIONS, entry.row, "parent makes a loop: "
                       + " → ".join(names.get(link, link) for link in chain))


def _parent_chain(key: str, parent_of: dict[str, str]) -> list[str]:
    """From an organisation up through its parents, ending at the top or at the first repeat."""
    chain = [key]
    while (parent := parent_of.get(chain[-1])) and parent not in chain:
        chain.append(parent)
    if parent:
        chain.append(parent)
    return chain


def _check_people(rows: list[Row], known: set[str], existing: dict[str, Organisation],
                  errors: RowErrors) -> list[PersonEntry]:
    """The file's people, each checked against the file and matched to the directory."""
    person_rows = [PersonRow(row.number, **row.values)
                   for row in read_rows(PEOPLE_SHEET, rows, errors)]
    for row in person_rows:
        _check_affiliation(row, known, errors)
    entries = _group_people(person_rows, errors)
    for entry in entries:
        _check_consistent(entry, errors)
    _check_shared_addresses(entries, errors)
    matched: dict[int, PersonEntry] = {}
    for entry in entries:
        entry.match = _match(entry, existing, errors)
        if entry.match is not None:
            first = matched.setdefault(entry.match.pk, entry)
            if first is not entry:
                errors.add(PEOPLE, entry.rows[0].row,
                           f"this is {entry.match.name} of the directory, who is also on row "
                           f"{first.rows[0].row}")
    return entries


def _check_affiliation(row: PersonRow, known: set[str], errors: RowErrors) -> None:
    if row.organisation and row.organisation.casefold() not in known:
        errors.add(PEOPLE, row.row, f"organisation {row.organisation!r} is neither in the "
                                    "directory nor in this file")
    if row.role and not row.organisation:
        errors.add(PEOPLE, row.row, f"role {row.role!r} is given without an organisation")


def _group_people(rows: list[PersonRow], errors: RowErrors) -> list[PersonEntry]:
    """Rows of one person: the same email, or the same name on rows without an email.

    A row without an email joins the one person of that name, whether or not their other rows
    give an address; if several people in the file have that name, it cannot say which.
    """
    by_email: dict[str, PersonEntry] = {}
    for row in rows:
        if row.email:
            entry = by_email.setdefault(row.email, PersonEntry([]))
            if entry.rows and entry.name != row.name:
                errors.add(PEOPLE, row.row, f"the name {row.name!r} differs from "
                                            f"{entry.name!r} on row {entry.rows[0].row} for "
                                            f"the same email {row.email}")
            entry.rows.append(row)
    by_name: dict[str, list[PersonEntry]] = {}
    for entry in by_email.values():
        by_name.setdefault(entry.name.casefold(), []).append(entry)
    for row in rows:
        if row.email:
            continue
        namesakes = by_name.setdefault(row.name.casefold(), [])
        if len(namesakes) > 1:
            errors.add(PEOPLE, row.row, f"several people in this file are called {row.name!r}; "
                                        "give the email address to say which")
            continue
        if not namesakes:
            namesakes.append(PersonEntry([]))
        namesakes[0].rows.append(row)
    entries = [entry for namesakes in by_name.values() for entry in namesakes if entry.rows]
    for entry in entries:
        entry.rows.sort(key=lambda row: row.row)
    return entries


def _check_consistent(entry: PersonEntry, errors: RowErrors) -> None:
    """Rows of one person may leave a detail empty, but those that give it must agree."""
    first_row = entry.rows[0]
    for column in PERSON_DETAILS:
        given = [row for row in entry.rows if getattr(row, column)]
        for row in given[1:]:
            if getattr(row, column) != getattr(given[0], column):
                errors.add(PEOPLE, row.row, f"{column} differs from row {given[0].row} for "
                                            f"{first_row.name}")
    roles: dict[str, PersonRow] = {}
    for row in entry.rows:
        if row.organisation and row.role:
            earlier = roles.setdefault(row.organisation.casefold(), row)
            if earlier.role != row.role:
                errors.add(PEOPLE, row.row, f"role {row.role!r} in {row.organisation} differs "
                                            f"from {earlier.role!r} on row {earlier.row}")


def _check_shared_addresses(entries: list[PersonEntry], errors: RowErrors) -> None:
    """An address is current for one person only (as the database insists)."""
    holders: dict[str, tuple[PersonEntry, int]] = {}
    for entry in entries:
        for row in entry.rows:
            for cell in row.addresses():
                if cell.until is not None:
                    continue
                holder, holder_row = holders.setdefault(cell.address, (entry, row.row))
                if holder is not entry:
                    errors.add(PEOPLE, row.row, f"{cell.address} is also given for "
                                                f"{holder.name} on row {holder_row}")


def _match(entry: PersonEntry, existing: dict[str, Organisation],
           errors: RowErrors) -> Person | None:
    """Who in the directory this is: by an address, else by name and organisation.

    An address the directory gives to someone else as their current one cannot be theirs too.
    """
    person = _match_by_address(entry) or _match_by_name(entry, existing, errors)
    row = entry.rows[0].row
    for address in entry.current_addresses():
        holder = current_holder(address)
        if holder is not None and holder != person:
            errors.add(PEOPLE, row, f"{address} is the current address of {holder.name}")
    if person is not None:
        _check_address_dates(entry, person, errors)
    return person


def _match_by_address(entry: PersonEntry) -> Person | None:
    """The person who has or had one of the addresses the file says they use now; failing that,
    the person of the same name who had one of the addresses the file says they gave up.

    A given-up address is often a shared one (a cyber café's, a group's) that someone else
    uses now, so on its own it does not say who this is.
    """
    for cell in entry.addresses():
        person = person_for_address(cell.address)
        if person is not None and (cell.until is None or person.name == entry.name):
            return person
    return None


def _match_by_name(entry: PersonEntry, existing: dict[str, Organisation],
                   errors: RowErrors) -> Person | None:
    """The one person of this exact name in one of the rows' organisations.

    Someone with neither an address nor an organisation in the file is matched by name alone.
    """
    people = Person.objects.filter(name=entry.name)
    affiliations = entry.affiliations()
    if affiliations:
        organisations = [existing[key] for key in affiliations if key in existing]
        people = people.filter(affiliations__organisation__in=organisations)
    elif entry.addresses():
        return None
    found = list(people.distinct()[:2])
    if len(found) > 1:
        errors.add(PEOPLE, entry.rows[0].row, f"several people called {entry.name!r} are in the "
                                              "directory; give an email address to say which")
    return found[0] if len(found) == 1 else None


def _check_address_dates(entry: PersonEntry, person: Person, errors: RowErrors) -> None:
    """An address the file says stopped being used cannot stop before the directory says it
    began."""
    current = set(entry.current_addresses())
    for cell in entry.addresses():
        if cell.until is None or cell.address in current:
            continue
        started = person.email_addresses.filter(
            address=cell.address, active_to__isnull=True, active_from__gt=cell.until,
        ).values_list("active_from", flat=True).first()
        if started is not None:
            errors.add(PEOPLE, entry.rows[0].row, f"{cell} ends before {cell.address} came "
                                                  f"into use on {started.isoformat()}")
