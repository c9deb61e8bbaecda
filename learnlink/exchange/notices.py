"""Telling people what waits: a held message's sender (at most once a day per address, so a
storm of held mail does not become a storm of notices) and, once a day, the moderators."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone

from learnlink.exchange.models import Group, HeldMessage, HeldStatus, Role
from learnlink.exchange.subscriptions import tell
from learnlink.lib.links import absolute_url
from learnlink.people.addresses import delivery_address

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


def summarise_for_moderators() -> int:
    """One mail per moderator per group with something waiting; returns how many were sent."""
    sent = 0
    waiting = Q(held__status=HeldStatus.WAITING)
    for group in Group.objects.filter(waiting).distinct():
        held = list(group.held.filter(status=HeldStatus.WAITING).order_by("created"))
        link = absolute_url("exchange:moderation", group.slug)
        for address in moderator_addresses(group):
            tell(group, address, "held_summary", {"held": held, "link": link})
            sent += 1
    return sent


def moderator_addresses(group: Group) -> list[str]:
    moderators = (group.memberships.filter(role__in=[Role.MENTOR, Role.OWNER],
                                           person__isnull=False)
                  .select_related("person").prefetch_related("person__email_addresses"))
    return [a for m in moderators if m.person and (a := delivery_address(m.person))]
