"""Who receives a group's mail in a given mode, at which address, with which link token.

Read as plain rows, a fixed number of queries whatever the group's size: a post to 10,000 members is
fanned out inside the posting transaction, and model instances cost ten times more.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator

from learnlink.exchange.member_links import token_for
from learnlink.exchange.models import Group
from learnlink.exchange.muting import mute_token, muted_people
from learnlink.people.models import Affiliation, EmailAddress, Person
from learnlink.people.person_language import first_offered


def recipients(group: Group, mode: str, thread_id: int, *, leave_out: Person | None = None,
               ) -> Iterator[tuple[str, str]]:
    """(address, token) for each member in `mode` who has not muted the thread (one query
    more, whatever the group's size), each token followed by that person's own link to mute
    it. An organisation's mail goes to each of its people; an address that bounced too often
    is skipped for the person's other one."""
    muted = muted_people(thread_id)
    issued = int(time.time())
    return ((address, f"{token} {mute_token(person, thread_id, issued)}")
            for person, address, token in _rows(group, mode, leave_out)
            if person not in muted)


Readers = dict[tuple[str, frozenset[int], bool], list[tuple[str, str]]]


def by_language(group: Group, mode: str, default: str,
                mutes: dict[int, frozenset[int]]) -> Readers:
    """The recipients sorted by the language each reads (`default` for those whose profile
    names none Learnlink offers), the threads they muted (`mutes`, by person) and whether they
    chose plain text only, so that a digest is rendered once per language, set of muted
    threads and form."""
    language_of: dict[int, str] = {}
    plain: set[int] = set()
    for members in _member_filters(group, mode):
        rows = Person.objects.filter(**members).values_list("pk", "languages")
        for person, languages in rows.iterator(chunk_size=5000):
            language_of[person] = first_offered(languages)
    for members in _member_filters(group, mode, plain_text=True):
        plain.update(Person.objects.filter(**members).values_list("pk", flat=True))
    sorted_out: Readers = defaultdict(list)
    for person, address, token in _rows(group, mode, None):
        muted = mutes.get(person, frozenset())
        key = (language_of.get(person) or default, muted, person in plain)
        sorted_out[key].append((address, token))
    return sorted_out


def _member_filters(group: Group, mode: str, **more: object,
                    ) -> tuple[dict[str, object], dict[str, object]]:
    """The people in `mode` (and of the membership columns `more`) as members in their own
    name, and as people of a member organisation."""
    own = {"group": group, "mode": mode, **more}
    return ({f"memberships__{name}": value for name, value in own.items()},
            {f"affiliations__organisation__memberships__{name}": value
             for name, value in own.items()})


def _rows(group: Group, mode: str, leave_out: Person | None,
          ) -> Iterator[tuple[int, str, str]]:
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
                yield someone, address_of[someone], token


def _delivery_addresses(group: Group, mode: str) -> dict[int, str]:
    """Each person's delivery address (as people.addresses.delivery_address chooses it: the
    primary current address unless bounces disabled it, else another current one)."""
    usable = EmailAddress.objects.current().filter(disabled__isnull=True)
    chosen: dict[int, str] = {}
    for members in _member_filters(group, mode):
        of_members = usable.filter(**{f"person__{key}": value for key, value in members.items()})
        rows = of_members.order_by("person_id", "-primary", "active_to",
                                   "address").values_list("person_id", "address")
        for person, address in rows.iterator(chunk_size=5000):
            chosen.setdefault(person, address)
    return chosen
