"""'Contacts to fix': the members a group's mail no longer reaches, for its mentors.

Keeping track of changing email addresses is part of a mentor's job; this is their list:
addresses that bounce (and since when, and what the last bounce said), and deliveries that
failed for good.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from learnlink.exchange.models import Group
from learnlink.exchange.models.groups import new_key
from learnlink.mail.models import Delivery, DeliveryState
from learnlink.people.addresses import change_address, enable
from learnlink.people.models import EmailAddress, Person


def troubled_addresses(group: Group) -> QuerySet[EmailAddress]:
    """Current addresses of the group's people that bounced or were disabled."""
    people = Q(person__memberships__group=group) | Q(
        person__affiliations__organisation__memberships__group=group)
    return (EmailAddress.objects.current().filter(people)
            .filter(Q(disabled__isnull=False) | Q(bounce_score__gt=0))
            .select_related("person").distinct().order_by("-disabled", "-last_bounce"))


def failed_deliveries(group: Group) -> QuerySet[Delivery]:
    return (Delivery.objects.filter(outgoing__channel=group.slug, state=DeliveryState.FAILED)
            .select_related("outgoing").defer("outgoing__raw", "token")
            .order_by("-next_attempt", "-pk"))


def address_of_member(group: Group, pk: int) -> EmailAddress | None:
    """A troubled address a mentor of `group` may act on, or None."""
    return troubled_addresses(group).filter(pk=pk).first()


def replace_address(record: EmailAddress, new_address: str) -> EmailAddress:
    """A mentor found the member's new address (by phone, at a workshop): it takes over at
    once, and the old one stays in the person's history."""
    person: Person = record.person
    new = change_address(person, new_address)
    enable(new)
    for membership in person.memberships.all():
        # The old mailbox may be a cyber café's, now someone else's: its links stop working.
        membership.key = new_key()
        membership.save(update_fields=["key"])
    return new
