"""Signed links that let a member manage their membership without a password.

Every footer carries one: `PK.KEY.SIGNATURE`. The signature proves Learnlink made the link; the
key must still be the membership's, so a link stops working when the member leaves (the row is
gone) or when a new key is issued (a mentor gave the member a new address). Each refusal says
which it was.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from learnlink.exchange.models import Membership


class BadLink(Exception):
    """The link cannot act for anyone; the message says why, for the page that shows it."""


def _signature(pk: int, key: str) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"member:{pk}:{key}".encode(), hashlib.sha256).hexdigest()[:16]


def member_token(membership: Membership) -> str:
    return token_for(membership.pk, membership.key)


def token_for(pk: int, key: str) -> str:
    return f"{pk:x}.{key}.{_signature(pk, key)}"


def membership_for(token: str) -> Membership:
    """The membership a token speaks for; BadLink if forged, replaced or left."""
    number, _dot, rest = token.partition(".")
    key, _dot, signature = rest.rpartition(".")
    try:
        pk = int(number, 16)
    except ValueError:
        raise BadLink(_("This link is incomplete: copy the whole link from your email.")) \
            from None
    if not hmac.compare_digest(signature, _signature(pk, key)):
        raise BadLink(_("This link was not made by Learnlink (its signature is wrong)."))
    membership = Membership.objects.select_related("group", "person").filter(pk=pk).first()
    if membership is None:
        raise BadLink(_("This link belongs to a membership that has ended: nothing was changed."))
    if not hmac.compare_digest(membership.key, key):
        raise BadLink(_("This link has been replaced by a newer one: use the link in your "
                        "latest email from the group."))
    return membership


def absolute(path: str) -> str:
    return settings.LEARNLINK_BASE_URL + path


def settings_url(token: str) -> str:
    return absolute(reverse("membership:settings", args=[token]))


def leave_url(token: str) -> str:
    return absolute(reverse("membership:leave", args=[token]))
