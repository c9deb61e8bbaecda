"""Signed links to calendar feeds: a calendar program cannot sign in, so the link itself is
the permission. An alliance's link shows its insiders' dates (tasks too); a person's link
shows that person's spaces and tasks. Only Learnlink can make either (SECRET_KEY)."""

from __future__ import annotations

import hmac

from django.core.signing import Signer

from learnlink.alliance.models import Alliance
from learnlink.lib.links import absolute_url
from learnlink.people.models import Person

_ALLIANCE = Signer(salt="learnlink.alliance.calendar.alliance")
_PERSON = Signer(salt="learnlink.alliance.calendar.person")


def alliance_token(alliance: Alliance) -> str:
    return _ALLIANCE.signature(f"{alliance.pk}:{alliance.slug}")[:32]


def alliance_token_valid(alliance: Alliance, token: str) -> bool:
    return hmac.compare_digest(alliance_token(alliance), token)


def person_token(person: Person) -> str:
    return f"{person.pk:x}-{_PERSON.signature(str(person.pk))[:32]}"


def person_from_token(token: str) -> Person | None:
    number, _dash, _signature = token.partition("-")
    try:
        pk = int(number, 16)
    except ValueError:
        return None
    person = Person.objects.filter(pk=pk).first()
    if person is None or not hmac.compare_digest(person_token(person), token):
        return None
    return person


def alliance_feed_url(alliance: Alliance) -> str:
    return absolute_url("alliance:calendar_signed", alliance.slug, alliance_token(alliance))


def public_feed_url(alliance: Alliance) -> str:
    return absolute_url("alliance:calendar", alliance.slug)


def person_feed_url(person: Person) -> str:
    return absolute_url("alliance:person_calendar", person_token(person))
