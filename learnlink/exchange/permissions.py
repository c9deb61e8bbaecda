"""Every permission decision of the exchange app, in one place.

Public groups: anyone reads the archive. Private groups: their members, the network's mentors
and staff; to anyone else a private group does not exist (404, not 403; a guest is asked to
sign in first, whether the group exists or not: see people.guests). Its page for asking to join
answers an unknown name alike (group_for_asking). Moderation: the
group's mentors and owners, the network's mentors, staff. The raw source of a message
(addresses, headers): members of the group, mentors and staff. An address on the contacts to
fix: the group's moderators who may fix it (people.permissions). A footer link: the signed link
itself (member_links), and an organisation's link changes nothing. A member's role and the hold
on their posts: the group's moderators; an owner's role, only its owners and staff.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from learnlink.exchange.contacts import address_of_member
from learnlink.exchange.member_links import BadLink, membership_for
from learnlink.exchange.models import (
    Group,
    HeldMessage,
    Membership,
    Role,
    Subscription,
    Thread,
)
from learnlink.exchange.models.groups import GroupQuerySet, Visibility
from learnlink.exchange.muting import read_token
from learnlink.mail.models import InboundMessage
from learnlink.people.guests import refuse
from learnlink.people.models import EmailAddress, Person
from learnlink.people.permissions import may_fix_address_of
from learnlink.people.person_language import speak_to
from learnlink.people.roles import MENTOR, STAFF, roles_of

AnyUser = User | AnonymousUser


def sees_every_group(user: AnyUser) -> bool:
    return user.is_superuser or bool(roles_of(user) & {MENTOR, STAFF})


def person_id(user: AnyUser) -> int | None:
    if not user.is_authenticated:
        return None
    person = getattr(user, "person", None)
    return person.pk if person else None


def memberships(user: AnyUser) -> QuerySet[Membership]:
    pid = person_id(user)
    if pid is None:
        return Membership.objects.none()
    return Membership.objects.filter(Q(person_id=pid)
                                     | Q(organisation__affiliations__person_id=pid))


def visible_groups(user: AnyUser) -> GroupQuerySet:
    if sees_every_group(user):
        return Group.objects.all()
    if not user.is_authenticated:  # the plain filter: a guest's pages are the busiest
        return Group.objects.filter(visibility=Visibility.PUBLIC)
    return _public_or_member(memberships(user))


def groups_for_person(person: Person | None) -> GroupQuerySet:
    """What someone writing from their address may read (search and get by email)."""
    if person is None:
        return Group.objects.filter(visibility=Visibility.PUBLIC)
    if person.user is not None and sees_every_group(person.user):
        return Group.objects.all()
    return _public_or_member(Membership.objects.filter(
        Q(person=person) | Q(organisation__affiliations__person=person)))


def _public_or_member(member_of: QuerySet[Membership]) -> GroupQuerySet:
    return Group.objects.filter(Q(visibility=Visibility.PUBLIC)
                                | Q(pk__in=member_of.values("group_id")))


def group_for_feed(slug: str) -> Group:
    """A feed reader never signs in: only a group a guest may read has a feed."""
    found = visible_groups(AnonymousUser()).filter(slug=slug).first()
    if found is None:
        raise Http404
    return found


def reads_archive(user: AnyUser, group: Group) -> bool:
    """Whether the user may read the group's archive and its files (as `visible_groups`)."""
    return group.is_public or sees_every_group(user) or is_member(user, group)


def is_member(user: AnyUser, group: Group) -> bool:
    return memberships(user).filter(group=group).exists()


def can_moderate(user: AnyUser, group: Group) -> bool:
    if sees_every_group(user):
        return True
    return memberships(user).filter(group=group, role__in=[Role.MENTOR, Role.OWNER]).exists()


def can_see_source(user: AnyUser, group: Group) -> bool:
    return sees_every_group(user) or is_member(user, group)


def may_see_source(request: HttpRequest, group: Group) -> bool:
    """Whether to show a message's source; a guest is asked to sign in first."""
    if can_see_source(request.user, group):
        return True
    if not request.user.is_authenticated:
        refuse(request)
    return False


def own_membership(request: HttpRequest, slug: str) -> Membership:
    """The signed-in person's own membership of a group, which they may change or end; an
    organisation's is its mentor's to change, so it is not theirs."""
    pid = person_id(request.user)
    membership = (Membership.objects.select_related("group", "person")
                  .filter(group__slug=slug, person_id=pid).first() if pid else None)
    if membership is None:
        refuse(request)
    return membership


def group_for_reader(request: HttpRequest, slug: str) -> Group:
    """The group if the user may read it; 404 otherwise, so private groups stay unlisted."""
    group = visible_groups(request.user).filter(slug=slug).first()
    if group is None:
        refuse(request)
    return group


def thread_for_reader(request: HttpRequest, slug: str, pk: int) -> Thread:
    """The thread with its group if the user may read the group, in one query (a guest's
    kept thread page costs no other); refused as `group_for_reader` refuses otherwise, and 404
    for a thread the group does not hold."""
    thread = (Thread.objects.select_related("group")
              .filter(pk=pk, group__slug=slug, group__in=visible_groups(request.user)).first())
    if thread is None:
        group_for_reader(request, slug)
        raise Http404
    return thread


def may_join(user: AnyUser, group: Group) -> bool:
    """Anyone may ask to join a public group they are not in (by confirming from the address);
    a private group takes no one this way."""
    return group.is_public and not is_member(user, group)


def group_for_joining(request: HttpRequest, slug: str) -> Group:
    group = group_for_reader(request, slug)
    if not group.is_public:
        refuse(request)
    return group


@dataclass(frozen=True)
class Asking:
    """What the ask-to-join page at /groups/SLUG/ask/ is for this reader: a group they can
    already read (its own page, with its join form, is theirs), or a members-only group they
    cannot, or nothing at all. The page answers the last two alike."""

    group: Group | None
    reads: bool


def group_for_asking(request: HttpRequest, slug: str) -> Asking:
    readable = visible_groups(request.user).filter(slug=slug).first()
    if readable is not None:
        return Asking(readable, reads=True)
    return Asking(Group.objects.filter(slug=slug, visibility=Visibility.PRIVATE).first(),
                  reads=False)


def sees_members(user: AnyUser, group: Group) -> bool:
    """Whether the user belongs to the group (or sees every group): its member list is not
    for the public, even when its archive is."""
    return sees_every_group(user) or is_member(user, group)


def group_for_member(request: HttpRequest, slug: str) -> Group:
    group = group_for_reader(request, slug)
    if not sees_members(request.user, group):
        refuse(request)
    return group


def group_for_moderator(request: HttpRequest, slug: str) -> Group:
    group = group_for_reader(request, slug)
    if not can_moderate(request.user, group):
        refuse(request)
    return group


def manages_owners(user: AnyUser, group: Group) -> bool:
    """Who makes or unmakes an owner: the group's owners and staff, as only Mailman's owners
    manage owners; its mentors manage everyone else."""
    return user.is_superuser or STAFF in roles_of(user) or memberships(user).filter(
        group=group, role=Role.OWNER).exists()


def membership_for_moderator(request: HttpRequest, slug: str, pk: int) -> Membership:
    """A membership of a group the user moderates, an owner's only for whoever manages
    owners; 404 otherwise."""
    group = group_for_moderator(request, slug)
    membership = get_object_or_404(group.memberships.select_related("group"), pk=pk)
    if membership.role == Role.OWNER and not manages_owners(request.user, group):
        raise Http404
    return membership


def roles_to_give(user: AnyUser, group: Group) -> list[tuple[str, Any]]:
    """The roles a moderator may give a member of `group` (the owner's only to those who
    manage owners), as choices."""
    return [(value, label) for value, label in Role.choices
            if value != Role.OWNER or manages_owners(user, group)]


def held_for_moderator(request: HttpRequest, slug: str, pk: int) -> HeldMessage:
    """A message waiting in the queue of a group the user moderates; 404 otherwise."""
    group = group_for_moderator(request, slug)
    return get_object_or_404(HeldMessage.objects.waiting_in(group).select_related("group"),
                             pk=pk)


def join_request_for_moderator(request: HttpRequest, slug: str, pk: int) -> Subscription:
    """A confirmed request to join a group the user moderates; 404 otherwise."""
    group = group_for_moderator(request, slug)
    return get_object_or_404(Subscription.objects.for_mentors(group).select_related("group"),
                             pk=pk)


def quarantined_for_moderator(request: HttpRequest, slug: str, pk: int) -> InboundMessage:
    """A message quarantined at the address of a group the user moderates; 404 otherwise."""
    group = group_for_moderator(request, slug)
    return get_object_or_404(InboundMessage.objects.quarantined_to(group.address), pk=pk)


def address_for_fixer(request: HttpRequest, slug: str, pk: int) -> tuple[Group, EmailAddress]:
    """A troubled address of a member of a group the user moderates, if the user may act on
    it (people.permissions says whose: never a mentor's or staff member's); 404 otherwise."""
    group = group_for_moderator(request, slug)
    record = address_of_member(group, pk)
    if record is None or not may_fix_address_of(request.user, record.person):
        raise Http404
    return group, record


def membership_for_link(request: HttpRequest, token: str) -> Membership:
    """The membership a footer link speaks for, its page in the member's language; BadLink
    says why the link speaks for none (member_links)."""
    membership = membership_for(token)
    speak_to(request, membership.person)
    return membership


def check_link_may_change(membership: Membership) -> None:
    """An organisation's delivery is its mentor's to change, as its page and the email commands
    say: the link its people share neither changes it nor takes the organisation out."""
    if membership.organisation_id:
        raise BadLink(_("You receive this group's mail as a member of an organisation: its "
                        "mentor can change how it is delivered."))


def member_person(user: AnyUser, group: Group) -> Person | None:
    """The signed-in person, if the group sends them its mail (their own membership or their
    organisation's): who may mute its threads on the web."""
    if not is_member(user, group):
        return None
    return getattr(user, "person", None)


def thread_for_muting(request: HttpRequest, slug: str, pk: int) -> tuple[Person, Thread]:
    """A thread of a group the signed-in person receives, and that person; 404 otherwise."""
    group = group_for_reader(request, slug)
    person = member_person(request.user, group)
    if person is None:
        refuse(request)
    return person, get_object_or_404(group.threads, pk=pk)


def thread_for_mute_link(request: HttpRequest, token: str) -> tuple[Person, Thread]:
    """The person and thread a footer's mute link speaks for, its page in their language;
    BadLink says why it speaks for none (muting)."""
    person, thread = read_token(token)
    speak_to(request, person)
    return person, thread


def poster(user: AnyUser, group: Group) -> Person | None:
    """Who may post to the group on the web: a signed-in member (own or organisation's
    membership), observers only where the group lets them. The posting policy still decides,
    as for mail, whether the post waits for a moderator."""
    person = member_person(user, group)
    if person is None:
        return None
    if not group.observers_may_post and not memberships(user).filter(group=group).exclude(
            role=Role.OBSERVER).exists():
        return None
    return person


def group_for_poster(request: HttpRequest, slug: str) -> tuple[Group, Person]:
    """A group the signed-in person may post to, and that person; 404 otherwise."""
    group = group_for_reader(request, slug)
    person = poster(request.user, group)
    if person is None:
        refuse(request)
    return group, person
