"""Every permission decision of the mail app, in one place.

The outbox holds what private groups said and every member's address: the network's mentors
and staff read it, nobody else (a group's own mentors see their group's failures on its
contacts page in the exchange app).
"""

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest

from learnlink.people.guests import refuse
from learnlink.people.roles import MENTOR, STAFF, roles_of


def can_read_outbox(user: User | AnonymousUser) -> bool:
    return user.is_superuser or bool(roles_of(user) & {MENTOR, STAFF})


def check_outbox_reader(request: HttpRequest) -> None:
    """404 rather than 403: the page does not exist for anyone else (a guest signs in first)."""
    if not can_read_outbox(request.user):
        refuse(request)
