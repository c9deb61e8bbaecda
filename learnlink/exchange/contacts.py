"""'Contacts to fix': the members a group's mail no longer reaches, for its mentors.

Keeping track of changing email addresses is part of a mentor's job; this is their list:
addresses that bounce (and since when, and what the last bounce said, and any new address a
mentor suggested that waits for its owner), and deliveries that failed for good. What may be
done about an address is people's to decide (people.permissions, people.address_changes).
"""

from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet

from learnlink.exchange.models import Group
from learnlink.mail.models import Delivery, DeliveryState
from learnlink.people.models import EmailAddress


def troubled_addresses(group: Group | OuterRef) -> QuerySet[EmailAddress]:
    """Current addresses of the group's people that bounced or were disabled; `group` may be
    an OuterRef, for a count per group in one query (the mentor dashboard's)."""
    people = Q(person__memberships__group=group) | Q(
        person__affiliations__organisation__memberships__group=group)
    return EmailAddress.objects.troubled().filter(people).distinct()


def failed_deliveries(group: Group) -> QuerySet[Delivery]:
    return (Delivery.objects.filter(outgoing__channel=group.slug, state=DeliveryState.FAILED)
            .select_related("outgoing").defer("outgoing__raw", "token")
            .order_by("-next_attempt", "-pk"))


def address_of_member(group: Group, pk: int) -> EmailAddress | None:
    """A troubled address a mentor of `group` may act on, or None."""
    return troubled_addresses(group).filter(pk=pk).first()

