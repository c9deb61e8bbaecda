"""Every permission decision of the people app, in one place.

The public sees organisations, people's names, roles and places. Email addresses and phone
numbers are personal data: only members of the network (anyone with a role) see them.
"""

from django.contrib.auth.models import AnonymousUser, User

from learnlink.people.roles import roles_of


def is_network_member(user: User | AnonymousUser) -> bool:
    return user.is_superuser or bool(roles_of(user))


def can_see_contact_details(user: User | AnonymousUser) -> bool:
    return is_network_member(user)
