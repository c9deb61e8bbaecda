"""Every permission decision of the people app, in one place.

The public sees organisations, people's names, roles and places. Email addresses and phone
numbers are personal data: only members of the network (anyone with a role) see them.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest

from learnlink.people.guests import refuse
from learnlink.people.models import Person
from learnlink.people.roles import roles_of


def is_network_member(user: User | AnonymousUser) -> bool:
    return user.is_superuser or bool(roles_of(user))


def can_see_contact_details(user: User | AnonymousUser) -> bool:
    return is_network_member(user)


def own_person(request: HttpRequest) -> Person | None:
    """The signed-in user's person (None for an account outside the directory, as an admin's
    may be); a guest is sent to sign in."""
    if not request.user.is_authenticated:
        refuse(request)
    return getattr(request.user, "person", None)
