"""Signing in: by any current email address with a password, or by a one-time link.

Learners forget passwords and sign in rarely, so the link is the usual way in. A link is signed,
expires after LOGIN_LINK_MAX_AGE seconds and works once: it carries the state of the person's
account (none yet, or its last login time), which signing in changes. A person in the directory
without an account gets one when the link is used, not when it is asked for: asking proves
nothing about who asked. It also names the address it was mailed to, and works only while that
address is the person's: a link sent to an address since taken back does nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.core import signing
from django.db import transaction
from django.http import HttpRequest

from learnlink.lib.fields import fitted
from learnlink.people.addresses import current_holder
from learnlink.people.models import Person
from learnlink.people.roles import LEARNER, grant_role

LINK_SALT = "learnlink.people.login-link"


class EmailAddressBackend(ModelBackend):
    """Django's user name or a person's current email address, with exactly one password hash
    per attempt whatever the outcome: two backends hashed twice for a known address and once
    for an unknown one, so the time taken told which addresses have accounts."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> User | None:
        if not username or not password:
            return None
        user = _user_named(username)
        if user is None:
            User().set_password(password)  # the work a real check does, for nobody
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def _user_named(username: str) -> User | None:
    user = User.objects.filter(username=username).first()
    if user is None and "@" in username:
        person = current_holder(username)
        user = person.user if person else None
    return user


@transaction.atomic
def account_for(person: Person) -> User:
    """The person's user account, made on first sign-in with the learner role."""
    if person.user is not None:
        return person.user
    address = person.primary_address()
    username = address.address if address else f"person-{person.pk}"
    user = User.objects.create_user(username=username, email=username)
    user.first_name = fitted(User, "first_name", person.name)
    user.save(update_fields=["first_name"])
    grant_role(user, LEARNER)
    person.user = user
    person.save(update_fields=["user"])
    return user


def _account_state(person: Person) -> str:
    """Changes when the link is used: an account is made, or its last login moves."""
    user = person.user
    if user is None:
        return ""
    return f"{user.pk}:{user.last_login.isoformat() if user.last_login else ''}"


def make_login_token(person: Person, address: str) -> str:
    return signing.dumps({"p": person.pk, "a": address.lower(), "s": _account_state(person)},
                         salt=LINK_SALT, compress=True)


def person_from_login_token(token: str) -> Person | None:
    """The person a valid, unused, unexpired token signs in, while the address it was sent to
    is still theirs; None for anything else."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=settings.LOGIN_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    person = current_holder(str(data.get("a", "")))
    if person is None or person.pk != data.get("p") or _account_state(person) != data.get("s"):
        return None
    if person.user is not None and not person.user.is_active:
        return None
    return person
