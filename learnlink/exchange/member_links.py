"""Signed links that let a member manage their membership without a password.

Every footer carries one: `PK.KEY.ISSUED.SIGNATURE`. Members quote whole copies, footers
included, so a link may do only what its one purpose needs: change this membership's delivery
or leave. It never changes an address and never signs anyone in. The signature proves
Learnlink made the link; the key must still be the membership's, so a link stops working when
the member leaves (the row is gone) or when a new key is issued (a copy of it was seen quoted
in a post); and it expires LEARNLINK_MEMBER_LINK_DAYS after it was mailed, or as soon as the
member's address changes (the old mailbox may be someone else's now). Each copy carries a fresh
one. Each refusal says which it was.
"""

from __future__ import annotations

import hmac
import re
from typing import Any

from django.conf import settings
from django.db.models import Max
from django.utils.translation import gettext as _

from learnlink.exchange.models import Membership
from learnlink.exchange.models.groups import new_key
from learnlink.lib import dated_tokens
from learnlink.lib.links import absolute_url

# A membership link in text: the token is the path segment after /membership/ (not join/).
_LINK = re.compile(r"/membership/(?!join/)([0-9a-f]+\.[\w-]+\.[0-9a-f]+\.[0-9a-f]{16})/")


PURPOSE = "member"


class BadLink(Exception):
    """The link cannot act for anyone; the message says why, for the page that shows it."""


def read_link(token: str, purpose: str, kinds: tuple[type, ...]) -> tuple[tuple[Any, ...], int]:
    """A footer link's parts and issue time (dated_tokens.read), or BadLink in the words a
    member sees: the membership and mute links of a footer are refused alike."""
    try:
        return dated_tokens.read(token, purpose, kinds, settings.LEARNLINK_MEMBER_LINK_DAYS)
    except dated_tokens.Incomplete:
        raise BadLink(_("This link is incomplete: copy the whole link from your email.")) \
            from None
    except dated_tokens.Forged:
        raise BadLink(_("This link was not made by Learnlink (its signature is wrong).")) \
            from None
    except dated_tokens.Expired:
        raise BadLink(_("This link is too old: use the link in your latest email from the "
                        "group.")) from None


def member_token(membership: Membership) -> str:
    return token_for(membership.pk, membership.key)


def token_for(pk: int, key: str, issued: int | None = None) -> str:
    """A fresh token, stamped with the second it is made (`issued`, for a batch made at once)."""
    return dated_tokens.make(PURPOSE, pk, key, issued=issued)


def membership_for(token: str) -> Membership:
    """The membership a token speaks for; BadLink if forged, expired, replaced or left."""
    if token.count(".") == 2:  # made before links carried their date: they no longer work
        raise BadLink(_("This link is too old: use the link in your latest email from the "
                        "group."))
    (pk, key), issued = read_link(token, PURPOSE, (int, str))
    membership = Membership.objects.select_related("group", "person").filter(pk=pk).first()
    if membership is None:
        raise BadLink(_("This link belongs to a membership that has ended: nothing was changed."))
    if not hmac.compare_digest(membership.key, key) or _address_changed_since(membership,
                                                                              issued):
        raise BadLink(_("This link has been replaced by a newer one: use the link in your "
                        "latest email from the group."))
    return membership


def _address_changed_since(membership: Membership, issued: int) -> bool:
    """Whether the member took an address after the link was mailed (to the old one). The
    stamp is in whole seconds: a link made within a second of the change counts as made after
    it, so a new member's welcome, mailed as their address is created, works."""
    if membership.person is None:
        return False
    newest = membership.person.email_addresses.current().aggregate(latest=Max("created"))
    return newest["latest"] is not None and newest["latest"].timestamp() > issued + 1


def void_quoted_links(text: str) -> int:
    """Give a new key to each membership whose working link appears in `text` (a post that
    quotes a member's copy): the copy is public now. Returns how many were replaced."""
    replaced = 0
    for token in set(_LINK.findall(text)):
        try:
            membership = membership_for(token)
        except BadLink:
            continue
        membership.key = new_key()
        membership.save(update_fields=["key"])
        replaced += 1
    return replaced


def settings_url(token: str) -> str:
    return absolute_url("membership:settings", token)


def leave_url(token: str) -> str:
    return absolute_url("membership:leave", token)
