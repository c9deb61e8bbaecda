"""Every permission decision of the people app, in one place.

The public sees organisations, people's names, roles and places. Email addresses and phone
numbers are personal data: only members of the network (anyone with a role) see them.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from learnlink.people.roles import roles_of


def is_network_member(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or roles_of(user)))  # type: ignore[union-attr]


def can_see_contact_details(user: AbstractBaseUser | AnonymousUser) -> bool:
    return is_network_member(user)
