"""Who receives a group's mail in a given mode, at which address, with which link token."""

from __future__ import annotations

from collections.abc import Iterator

from learnlink.exchange.member_links import member_token
from learnlink.exchange.models import Group, Membership
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Person


def recipients(group: Group, mode: str, *, leave_out: Person | None = None,
               ) -> Iterator[tuple[str, str]]:
    """(address, token) for each member in `mode`. An organisation's mail goes to each of its
    people; an address that bounced too often is skipped for the person's other one."""
    memberships = group.memberships.filter(mode=mode).prefetch_related(
        "person__email_addresses", "organisation__affiliations__person__email_addresses")
    for membership in memberships.iterator(chunk_size=500):
        token = member_token(membership)
        for person in _people(membership):
            address = delivery_address(person) if person != leave_out else None
            if address:
                yield address, token


def _people(membership: Membership) -> list[Person]:
    if membership.person is not None:
        return [membership.person]
    if membership.organisation is not None:
        return [a.person for a in membership.organisation.affiliations.all()]
    return []
