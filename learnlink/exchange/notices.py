"""Telling a held message's sender that it waits (at most once a day per address, so a storm of
held mail does not become a storm of notices), and where a group's moderators are reached. The
moderators hear of each held message at once (held_notices), unless they chose the mentors'
morning summary (mentoring.dashboard.summary), which lists what waits for all of them."""

from __future__ import annotations

import datetime

from django.utils import timezone

from learnlink.exchange.models import Group, HeldMessage, Role
from learnlink.exchange.subscriptions import tell
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Person

QUIET = datetime.timedelta(days=1)


def notify_sender(held: HeldMessage) -> bool:
    """Say the message waits, unless this address was told so in the last day."""
    now = timezone.now()
    told = HeldMessage.objects.filter(sender_address__iexact=held.sender_address,
                                      notified__gt=now - QUIET).exists()
    if told or not held.sender_address:
        return False
    tell(held.group, held.sender_address, "held", {"held": held},
         reply_to=held.group.owner_address)
    held.notified = now
    held.save(update_fields=["notified"])
    return True


def moderators(group: Group) -> list[tuple[Person, str]]:
    """The group's mentors and owners in person, each with the address mail reaches them at."""
    found = (group.memberships.filter(role__in=[Role.MENTOR, Role.OWNER], person__isnull=False)
             .select_related("person").prefetch_related("person__email_addresses"))
    return [(m.person, a) for m in found if m.person and (a := delivery_address(m.person))]


def moderator_addresses(group: Group) -> list[str]:
    return [address for _person, address in moderators(group)]
