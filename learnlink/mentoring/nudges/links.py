"""The two links in every nudge: "not now" (no nudge of this kind to this organisation for
SNOOZE_DAYS) and "no more nudges" (for the person the mail was written to). Each does only
that: it changes no membership, signs nobody in, and expires after VALID_DAYS. The page asks
for one press of a button (POST), so a mail scanner that opens the link changes nothing."""

from __future__ import annotations

import datetime
from typing import Any

from django.core import signing
from django.db import transaction

from learnlink.lib.links import absolute_url
from learnlink.mentoring.models import NudgeKind, NudgeOptOut, NudgeSnooze
from learnlink.people.models import Organisation, Person

NOT_NOW_SALT = "learnlink.mentoring.nudge-not-now"
OPT_OUT_SALT = "learnlink.mentoring.nudge-opt-out"
VALID_DAYS = 30
SNOOZE_DAYS = 30


class BadNudgeLink(Exception):
    """'expired' or 'bad signature', or 'gone' (the organisation or person is no more)."""


def not_now_link(organisation: int, kind: str) -> str:
    token = signing.dumps({"o": organisation, "k": kind}, salt=NOT_NOW_SALT)
    return absolute_url("mentoring:nudge_not_now", token)


def opt_out_link(person: int) -> str:
    return absolute_url("mentoring:nudge_opt_out",
                        signing.dumps({"p": person}, salt=OPT_OUT_SALT))


def read_not_now(token: str) -> tuple[Organisation, str]:
    data = _read(token, NOT_NOW_SALT)
    organisation = Organisation.objects.filter(pk=data.get("o", 0)).first()
    if organisation is None or data.get("k") not in NudgeKind.values:
        raise BadNudgeLink("gone")
    return organisation, str(data["k"])


def read_opt_out(token: str) -> Person:
    person = Person.objects.filter(pk=_read(token, OPT_OUT_SALT).get("p", 0)).first()
    if person is None:
        raise BadNudgeLink("gone")
    return person


def _read(token: str, salt: str) -> dict[str, Any]:
    try:
        data: dict[str, Any] = signing.loads(token, salt=salt,
                                                max_age=VALID_DAYS * 24 * 3600)
    except signing.SignatureExpired:
        raise BadNudgeLink("expired") from None
    except signing.BadSignature:
        raise BadNudgeLink("bad signature") from None
    return data


@transaction.atomic
def snooze(organisation: Organisation, kind: str, now: datetime.datetime) -> datetime.datetime:
    until = now + datetime.timedelta(days=SNOOZE_DAYS)
    NudgeSnooze.objects.update_or_create(organisation=organisation, kind=kind,
                                         defaults={"until": until})
    return until


def opt_out(person: Person) -> None:
    NudgeOptOut.objects.get_or_create(person=person)
