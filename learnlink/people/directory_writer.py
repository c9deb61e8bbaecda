"""Writing a checked directory file into the database, adding nothing twice.

Only what the file describes is touched: a column left out of the file leaves that field as it
is, and nothing is ever deleted (a person missing from the file keeps their record). Rows that
already say what the database says are not saved again, so importing a file twice changes
nothing the second time.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.db import models

from learnlink.people.directory_checks import DirectoryPlan, OrganisationRow, PersonEntry
from learnlink.people.directory_format import PLACE_KINDS_BY_DEPTH, AddressCell
from learnlink.people.models import (
    Affiliation,
    EmailAddress,
    Enterprise,
    Organisation,
    Person,
    Place,
)
from learnlink.people.slugs import unique_slug


class Tally(NamedTuple):
    created: int
    updated: int


class PlaceTree:
    """Places by parent and name, read in one query; levels missing on a path are created."""

    def __init__(self) -> None:
        self._places = {(place.parent_id, place.name.casefold()): place
                        for place in Place.objects.all()}

    def place(self, names: tuple[str, ...]) -> Place | None:
        """The place at the end of the path; each level's kind follows from its depth."""
        place = None
        for depth, name in enumerate(names):
            key = (place.pk if place else None, name.casefold())
            if key not in self._places:
                self._places[key] = Place.objects.create(
                    name=name, kind=PLACE_KINDS_BY_DEPTH[depth], parent=place)
            place = self._places[key]
        return place


class Enterprises:
    """Enterprises by name in any case, read in one query; new names are created."""

    def __init__(self) -> None:
        self._by_name = {enterprise.name.casefold(): enterprise
                         for enterprise in Enterprise.objects.all()}

    def named(self, names: tuple[str, ...]) -> list[Enterprise]:
        for name in names:
            if name.casefold() not in self._by_name:
                self._by_name[name.casefold()] = Enterprise.objects.create(
                    name=name, slug=unique_slug(Enterprise, name))
        return [self._by_name[name.casefold()] for name in names]


def write_organisations(plan: DirectoryPlan,
                        places: PlaceTree) -> tuple[dict[str, Organisation], Tally]:
    """Create or update the file's organisations; every organisation by lower-cased name."""
    columns = plan.organisation_columns
    organisations = dict(plan.existing)
    enterprises = Enterprises()
    created, changed = set(), set()
    for key, entry in plan.organisations.items():
        values = _present(columns, name=entry.name, kind=entry.kind,
                          place=places.place(entry.place), description=entry.description,
                          website=entry.website)
        org = organisations.get(key)
        if org is None:
            org = organisations[key] = Organisation.objects.create(
                slug=unique_slug(Organisation, entry.name), **values)
            created.add(key)
        elif _save_changes(org, values):
            changed.add(key)
        if "enterprises" in columns and _set_enterprises(org, enterprises.named(entry.enterprises)):
            changed.add(key)
    if "parent" in columns:
        changed |= _set_parents(plan.organisations, organisations)
    return organisations, Tally(len(created), len(changed - created))


def _set_enterprises(org: Organisation, enterprises: list[Enterprise]) -> bool:
    """The file's enterprises replace the organisation's, if they differ."""
    if set(org.enterprises.all()) == set(enterprises):
        return False
    org.enterprises.set(enterprises)
    return True


def _set_parents(entries: dict[str, OrganisationRow],
                 organisations: dict[str, Organisation]) -> set[str]:
    """Parents are set once every organisation exists: a parent may come later in the file."""
    changed = set()
    for key, entry in entries.items():
        parent = organisations[entry.parent.casefold()] if entry.parent else None
        if _save_changes(organisations[key], {"parent": parent}):
            changed.add(key)
    return changed


def write_people(plan: DirectoryPlan, organisations: dict[str, Organisation],
                 places: PlaceTree) -> Tally:
    """Create or update the file's people with their addresses and affiliations."""
    created = updated = 0
    for entry in plan.people:
        person, changed = _write_person(entry, plan.people_columns, places)
        changed |= _write_addresses(person, entry)
        if "organisation" in plan.people_columns:
            changed |= _write_affiliations(person, entry, organisations,
                                           update_roles="role" in plan.people_columns)
        if entry.match is None:
            created += 1
        elif changed:
            updated += 1
    return Tally(created, updated)


def _write_person(entry: PersonEntry, columns: frozenset[str],
                  places: PlaceTree) -> tuple[Person, bool]:
    """The person created or brought up to date; True when an existing one changed."""
    values = _present(columns, name=entry.name, place=places.place(entry.detail("place")),
                      languages=entry.detail("languages"), phone=entry.detail("phone"),
                      about=entry.detail("about"))
    if entry.match is None:
        return Person.objects.create(slug=unique_slug(Person, entry.name), **values), False
    return entry.match, _save_changes(entry.match, values)


def _write_addresses(person: Person, entry: PersonEntry) -> bool:
    """Add the file's addresses, end the ones it says were given up, and mark the primary."""
    records = list(person.email_addresses.all())
    current = entry.current_addresses()
    changed = False
    for cell in entry.addresses():
        if cell.until is not None:
            changed |= _record_former(person, records, cell, still_used=cell.address in current)
        else:
            changed |= _record_current(person, records, cell.address,
                                       primary=cell.address == entry.email)
    if entry.email:
        for record in records:
            if record.primary and record.active_to is None and record.address != entry.email:
                changed |= _save_changes(record, {"primary": False})
    return changed


def _record_current(person: Person, records: list[EmailAddress], address: str,
                    primary: bool) -> bool:
    """An address in use: added if the person has no open record of it, else made primary."""
    record = next((r for r in records if r.address == address and r.active_to is None), None)
    if record is None:
        records.append(EmailAddress.objects.create(person=person, address=address,
                                                   primary=primary))
        return True
    return primary and _save_changes(record, {"primary": True})


def _record_former(person: Person, records: list[EmailAddress], cell: AddressCell,
                   still_used: bool) -> bool:
    """An address given up: the current record of it ends that day, or a dated one is added.

    An address listed both as current and as former was given up once and taken up again,
    so its current record stays.
    """
    if any(r.address == cell.address and r.active_to == cell.until for r in records):
        return False
    current = next((r for r in records if r.address == cell.address and r.active_to is None),
                   None)
    if current is not None and not still_used:
        return _save_changes(current, {"active_to": cell.until, "primary": False})
    records.append(EmailAddress.objects.create(person=person, address=cell.address,
                                               active_to=cell.until))
    return True


def _write_affiliations(person: Person, entry: PersonEntry,
                        organisations: dict[str, Organisation], update_roles: bool) -> bool:
    """Add the rows' affiliations; an existing one only gets its role from the file."""
    existing = {affiliation.organisation_id: affiliation
                for affiliation in person.affiliations.all()}
    changed = False
    for key, (_name, role) in entry.affiliations().items():
        organisation = organisations[key]
        affiliation = existing.get(organisation.pk)
        if affiliation is None:
            Affiliation.objects.create(person=person, organisation=organisation, role=role)
            changed = True
        elif update_roles:
            changed |= _save_changes(affiliation, {"role": role})
    return changed


def _present(columns: frozenset[str], **values: Any) -> dict[str, Any]:
    """The values whose column the file has; the name is always there."""
    return {name: value for name, value in values.items() if name in columns}


def _save_changes(instance: models.Model, values: dict[str, Any]) -> bool:
    """Set the fields that differ and save only those; False (and no query) if none differ."""
    changed = []
    for name, value in values.items():
        field = instance._meta.get_field(name)
        attname = field.attname if isinstance(field, models.Field) else name
        new = value.pk if isinstance(value, models.Model) else value
        if getattr(instance, attname) != new:
            setattr(instance, name, value)
            changed.append(name)
    if changed:
        has_updated = any(f.name == "updated" for f in instance._meta.concrete_fields)
        instance.save(update_fields=[*changed, "updated"] if has_updated else changed)
    return bool(changed)
