"""How a person's address changes, the only ways it can: the person asks, signed in, or a
network mentor suggests one; either way it takes effect only once the link mailed to the new
address is opened, and every old address is then told, with a link that undoes the change.

No link that may be quoted or forwarded changes an address: a member's footer link changes
their delivery only (see exchange.member_links).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from learnlink.people.address_links import (
    NEW,
    UNDO_DAYS,
    BadAddressLink,
    read_address_link,
    read_undo_link,
    send_address_link,
    tell,
    undo_link,
)
from learnlink.people.addresses import change_address, current_holder, enable
from learnlink.people.models import AddressSuggestion, EmailAddress, Person
from learnlink.people.models.persons import normalise_address


class AddressTaken(ValueError):
    """The address is someone else's today (`holder`'s): it cannot become this person's."""

    def __init__(self, address: str, holder: Person) -> None:
        super().__init__(address)
        self.holder = holder


def ask_for_address(person: Person, address: str, language: str) -> None:
    """The person, signed in, wants mail at `address`: a link goes there to confirm it."""
    _check_free(person, address)
    send_address_link(person, normalise_address(address), "new_address", language)


@transaction.atomic
def suggest_address(person: Person, address: str, by: User | None,
                    language: str) -> AddressSuggestion:
    """A mentor found the person's new address. It waits, shown to mentors, until the person
    confirms it from that mailbox; the person's current addresses are told meanwhile."""
    _check_free(person, address)
    address = normalise_address(address)
    suggestion, _created = AddressSuggestion.objects.update_or_create(
        person=person, address=address, defaults={"suggested_by": by})
    name = (by.get_full_name() or by.get_username()) if by else ""
    send_address_link(person, address, "suggested_address", language, mentor=name)
    for old in _current(person):
        tell(old, "address_suggested", language, person=person, address=address, mentor=name)
    return suggestion


def use_address_link(token: str, language: str) -> EmailAddress:
    """A probe's link starts delivery again; a new address's link makes it the person's."""
    person, address, purpose = read_address_link(token)
    record = person.email_addresses.current().matching(address).first()
    if record is not None:
        enable(record)
        return record
    if purpose != NEW:
        raise BadAddressLink("gone")
    if current_holder(address) is not None:
        # Given to someone else (by a mentor, say) between the mail and the click.
        raise BadAddressLink("taken")
    return _take(person, address, language)


@transaction.atomic
def _take(person: Person, address: str, language: str) -> EmailAddress:
    old = _current(person)
    record = change_address(person, address, verified=True)
    AddressSuggestion.objects.filter(person=person).delete()
    for previous in old:
        tell(previous, "address_changed", language, person=person, address=address,
             link=undo_link(person, previous, address), days=UNDO_DAYS)
    return record


def undo_target(token: str) -> tuple[Person, str, str]:
    """What an undo link would do (person, back to, away from), if it still can."""
    person, old, new = read_undo_link(token)
    if not person.email_addresses.current().matching(new).exists():
        raise BadAddressLink("done")
    if current_holder(old) not in (None, person):
        raise BadAddressLink("taken")
    return person, old, new


@transaction.atomic
def undo_address_change(token: str) -> EmailAddress:
    """Back to the old address, the new one ended; and, since whoever made the change may be
    signed in, every session of the account ends (signing in again is by a link to the old
    address)."""
    person, old, _new = undo_target(token)
    record = change_address(person, old, verified=True)
    if person.user is not None:
        person.user.set_unusable_password()
        person.user.save(update_fields=["password"])
    return record


def _check_free(person: Person, address: str) -> None:
    holder = current_holder(address)
    if holder is not None and holder != person:
        raise AddressTaken(address, holder)


def _current(person: Person) -> list[str]:
    return [a.address for a in person.email_addresses.current()]
