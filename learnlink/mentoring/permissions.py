"""Every permission decision of the mentoring app, in one place.

A mentor's tools are for those who keep a group's exchange going: the group's mentors and
owners, the network's mentors and staff (`exchange.permissions.can_moderate` decides it for one
group). A mentor's dashboard covers the groups they mentor; a network mentor or staff member
who mentors no group by membership follows every group. Anyone else is refused as the exchange
refuses: a guest is asked to sign in, a signed-in non-mentor gets 404.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest

from learnlink.exchange.models import Group, Role, Thread
from learnlink.exchange.models.groups import GroupQuerySet
from learnlink.exchange.permissions import (
    can_moderate,
    group_for_moderator,
    memberships,
    person_id,
    sees_every_group,
)
from learnlink.mentoring.models import WriteUp
from learnlink.people.guests import refuse

AnyUser = User | AnonymousUser
MENTORING_ROLES = (Role.MENTOR, Role.OWNER)


def followed_groups(user: AnyUser) -> GroupQuerySet:
    """The groups whose mentoring is this user's: those they mentor or own; every group for a
    network mentor or staff member who mentors none by membership; none for anyone else."""
    mentored = memberships(user).filter(role__in=MENTORING_ROLES).values("group_id")
    if mentored.exists() or not sees_every_group(user):
        return Group.objects.filter(pk__in=mentored)
    return Group.objects.all()


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


# Write-ups. A draft is between the learner and the mentors: the mentor who started it, the
# learner it is about and the group's mentors (who may take it over) see it; an approved one
# the learner agreed to publish is read by anyone. Only the learner approves it.


def coaches(user: AnyUser, writeup: WriteUp) -> bool:
    """The mentor who started it, or a mentor of its group: they edit, send and comment."""
    return (user.is_authenticated and writeup.mentor_id == user.pk) or can_moderate(
        user, writeup.group)


def is_its_learner(user: AnyUser, writeup: WriteUp) -> bool:
    return person_id(user) == writeup.learner_id


def may_read_writeup(user: AnyUser, writeup: WriteUp) -> bool:
    return writeup.is_public or is_its_learner(user, writeup) or coaches(user, writeup)


def sees_conversation(user: AnyUser, writeup: WriteUp) -> bool:
    """The comments, the log and the versions are the learner's and the mentors' only, even
    on a published write-up."""
    return is_its_learner(user, writeup) or coaches(user, writeup)


def _writeup(request: HttpRequest, pk: int) -> WriteUp:
    writeup = (WriteUp.objects.select_related("group", "thread", "learner", "organisation",
                                              "mentor").filter(pk=pk).first())
    if writeup is None:
        refuse(request)
    return writeup


def writeup_for_reader(request: HttpRequest, pk: int) -> WriteUp:
    writeup = _writeup(request, pk)
    if not may_read_writeup(request.user, writeup):
        refuse(request)
    return writeup


def writeup_for_coach(request: HttpRequest, pk: int) -> WriteUp:
    writeup = _writeup(request, pk)
    if not coaches(request.user, writeup):
        refuse(request)
    return writeup


def writeup_for_learner(request: HttpRequest, pk: int) -> WriteUp:
    writeup = _writeup(request, pk)
    if not is_its_learner(request.user, writeup):
        refuse(request)
    return writeup


def writeup_for_commenter(request: HttpRequest, pk: int) -> WriteUp:
    writeup = _writeup(request, pk)
    if not sees_conversation(request.user, writeup):
        refuse(request)
    return writeup
