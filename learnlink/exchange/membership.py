"""Creating groups and adding members: the service functions that commands, views and tests
call. A member is a person, or an organisation taking part as one learner."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from learnlink.exchange.command_words import SUFFIXES
from learnlink.exchange.models import DeliveryMode, Group, Membership, PostingPolicy, Role
from learnlink.exchange.models.groups import Visibility
from learnlink.people.addresses import person_for_address
from learnlink.people.models import EmailAddress, Person
from learnlink.people.slugs import unique_slug

RESERVED = {"search", "get", "sales", "peers", "postmaster", "abuse", "mailer-daemon",
            "learnlink", "bounces", "muting"}  # muting: /groups/muting/ holds mute links


RESERVED_ENDINGS = (*SUFFIXES, "-owner")  # a group's own addresses: SLUG-request@ ...


class ReservedName(ValueError):
    """search@, get@, peers@, the postmaster's and a group's -request, -owner, -join and
    -leave addresses are not groups."""


def create_group(slug: str, name: str, *, private: bool = False,
                 policy: str = PostingPolicy.MEMBERS, description: str = "",
                 language: str = "en") -> Group:
    if slug.lower() in RESERVED or "+" in slug or slug.lower().endswith(RESERVED_ENDINGS):
        raise ReservedName(f"{slug!r} is reserved for Learnlink's own addresses")
    group, _created = Group.objects.update_or_create(slug=slug, defaults={
        "name": name, "description": description, "language": language,
        "visibility": Visibility.PRIVATE if private else Visibility.PUBLIC,
        "posting_policy": policy,
    })
    return group


@transaction.atomic
def add_member(group: Group, address: str, *, name: str = "", role: str = Role.LEARNER,
               mode: str = DeliveryMode.EACH) -> Membership:
    """Add whoever uses or used `address`, creating the person when the address is new."""
    person = person_for_address(address) or _new_person(address, name)
    membership, created = Membership.objects.get_or_create(
        group=group, person=person, defaults={"role": role, "mode": mode})
    if not created and (membership.role, membership.mode) != (role, mode):
        membership.role, membership.mode = role, mode
        membership.save(update_fields=["role", "mode"])
    return membership


def _new_person(address: str, name: str) -> Person:
    display = name or address.split("@")[0].replace(".", " ").title()
    person = Person.objects.create(name=display, slug=unique_slug(Person, display))
    EmailAddress.objects.create(person=person, address=address, primary=True,
                                active_from=timezone.localdate())
    return person


def membership_of(group: Group, person: Person | None) -> Membership | None:
    """The person's own membership, else that of an organisation they belong to."""
    if person is None:
        return None
    return (Membership.objects.filter(group=group)
            .filter(Q(person=person) | Q(organisation__affiliations__person=person))
            .order_by(F("organisation_id").asc(nulls_first=True)).first())

