"""Every permission decision of the mentoring app, in one place.

A mentor's tools are for those who keep a group's exchange going: the group's mentors and
owners, the network's mentors and staff (`exchange.permissions.can_moderate` decides it for one
group). A mentor's dashboard covers the groups they mentor; a network mentor or staff member
who mentors no group by membership follows every group. Anyone else is refused as the exchange
refuses: a guest is asked to sign in, a signed-in non-mentor gets 404.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from learnlink.exchange.models import Group, Membership, Role, Thread
from learnlink.exchange.models.groups import GroupQuerySet
from learnlink.exchange.permissions import (
    can_moderate,
    group_for_moderator,
    memberships,
    sees_every_group,
)
from learnlink.people.guests import refuse
from learnlink.people.models import Person
from learnlink.people.roles import MENTOR

AnyUser = User | AnonymousUser
MENTORING_ROLES = (Role.MENTOR, Role.OWNER)


def followed_groups(user: AnyUser) -> GroupQuerySet:
    """The groups whose mentoring is this user's: those they mentor or own; every group for a
    network mentor or staff member who mentors none by membership; none for anyone else."""
    mentored = memberships(user).filter(role__in=MENTORING_ROLES).values("group_id")
    if mentored.exists() or not sees_every_group(user):
        return Group.objects.filter(pk__in=mentored)
    return Group.objects.all()


def groups_followed_by(person: Person) -> GroupQuerySet:
    """`followed_groups` of the person's account; for someone who mentors without one (a
    mentor known only by their address), the groups they mentor or own."""
    if person.user is not None:
        return followed_groups(person.user)
    mentored = Membership.objects.filter(
        Q(person=person) | Q(organisation__affiliations__person=person),
        role__in=MENTORING_ROLES).values("group_id")
    return Group.objects.filter(pk__in=mentored)


def summary_readers() -> QuerySet[Person]:
    """Who receives the mentors' morning summary: whoever mentors or owns a group (in person
    or through their organisation), and the network's mentors."""
    return Person.objects.filter(
        Q(memberships__role__in=MENTORING_ROLES)
        | Q(affiliations__organisation__memberships__role__in=MENTORING_ROLES)
        | Q(user__groups__name=MENTOR)).distinct()


def is_mentor(user: AnyUser) -> bool:
    return sees_every_group(user) or memberships(user).filter(role__in=MENTORING_ROLES).exists()


def mentor_or_refuse(request: HttpRequest) -> None:
    """Let a mentor in; send a guest to sign in and give anyone else 404."""
    if not is_mentor(request.user):
        refuse(request)


def group_for_mentor(request: HttpRequest, slug: str) -> Group:
    """A group this user mentors; refused otherwise."""
    return group_for_moderator(request, slug)


def mentored_thread(user: AnyUser, pk: int) -> Thread | None:
    """The thread if this user mentors its group (for the API, which answers 404 itself)."""
    thread = Thread.objects.select_related("group").filter(pk=pk).first()
    return thread if thread is not None and can_moderate(user, thread.group) else None


def thread_for_mentor(request: HttpRequest, pk: int) -> Thread:
    """A thread of a group this user mentors; refused otherwise."""
    thread = mentored_thread(request.user, pk)
    if thread is None:
        refuse(request)
    return thread
