"""Bounce addresses that name their delivery (VERP): `SLUG+bounces+TOKEN@domain`.

A bounce often quotes nothing we can trust, or names an alias of the address we sent to; the
envelope sender it comes back to tells us exactly which delivery failed. The token is signed,
so a forged bounce cannot disable somebody else's address.
"""

from __future__ import annotations

import hmac

from django.conf import settings

from learnlink.lib.dated_tokens import signature

BOUNCES = "bounces"


def _signature(pk: int) -> str:
    """Ten hex, not sixteen: a bounce address is undated and short (the format in mail)."""
    return signature("verp", pk, length=10)


def bounce_address(channel: str, delivery_pk: int) -> str:
    """The envelope sender of one delivery."""
    prefix = f"{channel}+{BOUNCES}" if channel else BOUNCES
    return f"{prefix}+{delivery_pk:x}-{_signature(delivery_pk)}@{settings.LEARNLINK_MAIL_DOMAIN}"


def is_bounce_address(local: str) -> bool:
    parts = local.split("+")
    return (len(parts) == 3 and parts[1] == BOUNCES) or (len(parts) == 2 and parts[0] == BOUNCES)


def delivery_of(local: str) -> int | None:
    """The delivery a bounce address names, or None when the token is not ours."""
    token = local.rsplit("+", 1)[-1]
    number, _dash, signature = token.partition("-")
    try:
        pk = int(number, 16)
    except ValueError:
        return None
    return pk if hmac.compare_digest(signature, _signature(pk)) else None
