"""Every permission decision of the mail app, in one place.

The outbox holds what private groups said and every member's address: the network's mentors
and staff read it, nobody else (a group's own mentors see their group's failures on its
contacts page in the exchange app). They read it with the keys in each mail hidden (a sign-in
link acts as its recipient), except on a development run.
"""

from django.conf import settings
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


def shows_mail_whole() -> bool:
    """On a development run (DEBUG, as `make run` starts) the person at the console holds every
    demo account and has no mailbox to receive a sign-in link in: the outgoing mail page and the
    console show each mail whole, keys included, so that links can be followed. Never in
    production, where DEBUG is off."""
    return bool(settings.DEBUG)
