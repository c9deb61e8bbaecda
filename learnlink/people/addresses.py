"""Who an address belongs to, on a given day, and how a person moves to a new address."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from learnlink.people.models import EmailAddress, Person
from learnlink.people.models.persons import normalise_address


def current_holder(address: str) -> Person | None:
    """The person using `address` today: the only one who may sign in or be sent a link with it."""
    record = EmailAddress.objects.current().matching(address).select_related("person").first()
    return record.person if record else None


def person_for_address(address: str, on: datetime.date | None = None) -> Person | None:
    """The person who used `address` on that day; failing that, its most recent holder.

    Old mail is imported with its own date, and members keep writing from addresses they have
    abandoned, so an address that is no longer current still names its person.
    """
    records = list(EmailAddress.objects.matching(address).select_related("person"))
    return holder(records, on or timezone.localdate())


def holder(records: list[EmailAddress], day: datetime.date) -> Person | None:
    """Among the records of one address, whose it was on `day`, else whose it was last."""
    if not records:
        return None
    in_use = [a for a in records if a.is_current(day)]
    if in_use:
        return in_use[0].person
    return max(records, key=lambda a: a.active_to or datetime.date.max).person


@transaction.atomic
def change_address(person: Person, new_address: str, on: datetime.date | None = None,
                   verified: bool = False) -> EmailAddress:
    """Make `new_address` the person's primary address from `on`; earlier ones end that day."""
    day = on or timezone.localdate()
    new_address = normalise_address(new_address)
    for old in person.email_addresses.filter(active_to__isnull=True).exclude(address=new_address):
        old.active_to = max(day, old.active_from or day)
        old.primary = False
        old.save(update_fields=["active_to", "primary"])
    record, _created = EmailAddress.objects.update_or_create(
        person=person, address=new_address, active_to=None,
        defaults={"primary": True, "verified": verified, "active_from": day},
    )
    return record


def delivery_address(person: Person) -> str | None:
    """Where the person's mail goes today: their primary address, or another current one when
    bounces disabled the primary; None when every address is disabled or gone."""
    return next((a.address for a in person.email_addresses.all()
                 if a.is_current() and a.disabled is None), None)


def enable(record: EmailAddress) -> None:
    """Mail reached the address again (its owner clicked the probe link), or its owner asked
    for it again from their page: deliver to it, its bounces forgotten."""
    record.bounce_score, record.disabled, record.bounce_warned = Decimal(0), None, None
    record.save(update_fields=["bounce_score", "disabled", "bounce_warned"])
