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
from django.utils.translation import gettext

from learnlink.exchange.models import Group, Message, Role, Thread
from learnlink.exchange.models.groups import GroupQuerySet
from learnlink.exchange.permissions import (
    can_moderate,
    group_for_moderator,
    memberships,
    sees_every_group,
)
from learnlink.mentoring.models import CleanupEntry, Synthesis
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


def may_synthesise(user: AnyUser, group: Group) -> bool:
    """Drafting, editing, translating, publishing and sending a group's syntheses: its mentors'
    work (unpublished syntheses are shown to nobody else)."""
    return can_moderate(user, group)


def synthesis_for_mentor(request: HttpRequest, pk: int) -> Synthesis:
    """A synthesis of a group this user mentors, published or not; refused otherwise."""
    synthesis = Synthesis.objects.select_related("group").filter(pk=pk).first()
    if synthesis is None or not may_synthesise(request.user, synthesis.group):
        refuse(request)
    return synthesis
def mentored_message(user: AnyUser, pk: int) -> Message | None:
    """A real message of a group this user mentors (for the API, which answers 404 itself)."""
    message = (Message.objects.select_related("group", "thread").filter(pk=pk, is_placeholder=False)
               .first())
    return message if message is not None and can_moderate(user, message.group) else None


def message_for_mentor(request: HttpRequest, pk: int) -> Message:
    """A real message of a group this user mentors; refused otherwise."""
    message = mentored_message(request.user, pk)
    if message is None:
        refuse(request)
    return message


def carry_refusal(user: AnyUser, source: Group, target: Group) -> str:
    """Why messages of `source` may not be carried into `target` by this user ("" if they may).

    A private group's members wrote for each other, not for a public archive, and a public
    message moved into a private group would vanish from the public's links: a message never
    crosses between them. Between two groups of the same kind, the user must mentor both."""
    if source.pk == target.pk:
        return ""
    if source.is_public != target.is_public:
        return gettext("A message cannot move between a members-only group and a public one: "
                       "its writers chose who reads it.")
    if not (can_moderate(user, source) and can_moderate(user, target)):
        return gettext("You can only move messages between groups you mentor both of.")
    return ""


def mentored_entry(user: AnyUser, pk: int) -> CleanupEntry | None:
    """A clean-up log entry whose every group this user mentors (an undo writes back rows of
    each group an action touched)."""
    entry = CleanupEntry.objects.select_related("group").filter(pk=pk).first()
    if entry is None:
        return None
    groups = Group.objects.filter(pk__in=entry_groups(entry))
    return entry if all(can_moderate(user, group) for group in groups) else None


def entry_for_mentor(request: HttpRequest, pk: int) -> CleanupEntry:
    entry = mentored_entry(request.user, pk)
    if entry is None:
        refuse(request)
    return entry


def entry_groups(entry: CleanupEntry) -> set[int]:
    return {entry.group_id} | {row["group"] for state in (entry.before, entry.after)
                               for rows in state.values() for row in rows}
