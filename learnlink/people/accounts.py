"""Signing in: by any current email address with a password, or by a one-time link.

Learners forget passwords and sign in rarely, so the link is the usual way in. A link is signed,
expires after LOGIN_LINK_MAX_AGE seconds and works once: it carries the account's last login
time, which signing in changes. It also names the address it was mailed to, and works only
while that address is the person's: a link sent to an address since taken back does nothing.
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
    """Accepts a person's current email address where Django expects a user name."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> User | None:
        if not username or not password or "@" not in username:
            return None
        person = current_holder(username)
        user = person.user if person else None
        if user and user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


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


def make_login_token(user: User, address: str) -> str:
    last_login = user.last_login.isoformat() if user.last_login else ""
    return signing.dumps({"u": user.pk, "l": last_login, "a": address}, salt=LINK_SALT,
                         compress=True)


def user_from_login_token(token: str) -> User | None:
    """The account a valid, unused, unexpired token signs in; None for anything else."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=settings.LOGIN_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        return None
    holder = current_holder(str(data.get("a", "")))
    if holder is None or holder.user_id != user.pk:
        return None
    last_login = user.last_login.isoformat() if user.last_login else ""
    return user if last_login == data.get("l") else None
