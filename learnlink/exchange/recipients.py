"""Who receives a group's mail in a given mode, at which address, with which link token.

Read as plain rows, three queries whatever the group's size: a post to 10,000 members is
fanned out inside the posting transaction, and model instances cost ten times more.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator

from learnlink.exchange.member_links import token_for
from learnlink.exchange.models import Group
from learnlink.people.models import Affiliation, EmailAddress, Person


def recipients(group: Group, mode: str, *, leave_out: Person | None = None,
               ) -> Iterator[tuple[str, str]]:
    """(address, token) for each member in `mode`. An organisation's mail goes to each of its
    people; an address that bounced too often is skipped for the person's other one."""
    members = group.memberships.filter(mode=mode).values_list(
        "pk", "key", "person_id", "organisation_id")
    people_of: dict[int, list[int]] = defaultdict(list)
    for organisation, person in Affiliation.objects.filter(
            organisation__memberships__group=group,
            organisation__memberships__mode=mode).values_list("organisation_id", "person_id"):
        people_of[organisation].append(person)
    address_of = _delivery_addresses(group, mode)
    skip = leave_out.pk if leave_out else None
    issued = int(time.time())
    for pk, key, person, organisation in members.iterator(chunk_size=2000):
        token = token_for(pk, key, issued)
        for someone in [person] if person else people_of.get(organisation, []):
            if someone != skip and someone in address_of:
                yield address_of[someone], token


def _delivery_addresses(group: Group, mode: str) -> dict[int, str]:
    """Each person's delivery address (as people.addresses.delivery_address chooses it: the
    primary current address unless bounces disabled it, else another current one)."""
    usable = EmailAddress.objects.current().filter(disabled__isnull=True)
    chosen: dict[int, str] = {}
    for members in ({"person__memberships__group": group, "person__memberships__mode": mode},
                    {"person__affiliations__organisation__memberships__group": group,
                     "person__affiliations__organisation__memberships__mode": mode}):
        rows = usable.filter(**members).order_by("person_id", "-primary", "active_to",
                                                  "address").values_list("person_id", "address")
        for person, address in rows.iterator(chunk_size=5000):
            chosen.setdefault(person, address)
    return chosen
