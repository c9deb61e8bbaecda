"""Every permission decision of the people app, in one place.

The public sees organisations, people's names, roles and places. Email addresses and phone
numbers are personal data: only members of the network (anyone with a role) see them.

An address is the key to an account (sign-in links go to it), so only the person, signed in,
changes their own; the network's mentors and staff may suggest a new one for a learner, which
the learner confirms. Nobody suggests one for a mentor, coordinator or staff member, whose
accounts reach further than their own.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from learnlink.people.guests import refuse
from learnlink.people.models import EmailAddress, Person
from learnlink.people.roles import COORDINATOR, MENTOR, STAFF, roles_of

_REACHING_FURTHER = (MENTOR, COORDINATOR, STAFF)


def is_network_member(user: User | AnonymousUser) -> bool:
    return user.is_superuser or bool(roles_of(user))


def can_see_contact_details(user: User | AnonymousUser) -> bool:
    return is_network_member(user)


def signed_in_person(request: HttpRequest) -> Person | None:
    """The signed-in user's person (None for an account outside the directory, as an admin's
    may be); a guest is sent to sign in."""
    if not request.user.is_authenticated:
        refuse(request)
    return getattr(request.user, "person", None)


def own_person(request: HttpRequest) -> Person:
    """The signed-in user's own person; a guest is sent to sign in, and an account that is
    nobody in the directory gets 404."""
    person = signed_in_person(request)
    if person is None:
        raise Http404
    return person


def own_stopped_address(request: HttpRequest, pk: int) -> EmailAddress:
    """One of the signed-in person's current addresses that bounces stopped: theirs to start
    again (anyone else's is a mentor's to probe); 404 otherwise."""
    record = own_person(request).email_addresses.current().filter(
        pk=pk, disabled__isnull=False).first()
    if record is None:
        raise Http404
    return record


def fixes_addresses(user: User | AnonymousUser) -> bool:
    return user.is_superuser or bool(roles_of(user) & {MENTOR, STAFF})


def may_fix_address_of(user: User | AnonymousUser, person: Person) -> bool:
    return fixes_addresses(user) and not _reaches_further(person.user)


def fixable(user: User | AnonymousUser,
            addresses: QuerySet[EmailAddress]) -> QuerySet[EmailAddress]:
    """Those of `addresses` that `user` may probe or suggest a replacement for."""
    if not fixes_addresses(user):
        return addresses.none()
    return addresses.exclude(Q(person__user__is_staff=True) | Q(person__user__is_superuser=True)
                             | Q(person__user__groups__name__in=_REACHING_FURTHER))


def _reaches_further(user: User | None) -> bool:
    if user is None:
        return False
    return user.is_staff or user.is_superuser or bool(roles_of(user) & set(_REACHING_FURTHER))
