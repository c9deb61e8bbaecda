"""A group's two circles: the inner one (learners, mentors, owners), who post and are expected
to take part in dialogues and contracts, and the outer one (observers: donors, other networks,
researchers), who read the archive and its digests. The member list shows them apart."""

from __future__ import annotations

from django.db.models import QuerySet

from learnlink.exchange.models import Group, Membership, Role
from learnlink.exchange.models.groups import INNER_CIRCLE


def _listed(group: Group) -> QuerySet[Membership]:
    """Members with their person or organisation, in one query per circle and page."""
    return (group.memberships.select_related("person", "organisation")
            .order_by("organisation__name", "person__name", "pk"))


def inner_circle(group: Group) -> QuerySet[Membership]:
    return _listed(group).filter(role__in=INNER_CIRCLE)


def outer_circle(group: Group) -> QuerySet[Membership]:
    return _listed(group).filter(role=Role.OBSERVER)
