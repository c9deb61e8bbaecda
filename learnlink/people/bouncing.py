"""Scoring bounces against an address, and telling its owner before its mail stops.

Mailman's rule: a bounce counts at most once a day (a hard one 1, a delay 0.5), a quiet week
forgets them, and past the threshold the address receives nothing more. Since the score grows
by at most one a day, warning one point below the threshold warns at least a day before mail
stops (with the default threshold of 3: on the second day of bounces, stopped on the third).
The warning goes to the person's other current addresses, as Mailman's does, since the one
that bounces may never show it; with a threshold of 1 it comes with the stop itself.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from learnlink.lib import emails
from learnlink.lib.links import absolute_url
from learnlink.people.models import EmailAddress
from learnlink.people.person_language import language_of

WARNING_MARGIN = Decimal(1)  # one more day of hard bounces stops the mail


def record_bounce(address: str, *, hard: bool, text: str, threshold: float) -> None:
    """Score a bounce against the current holder of `address`; warn its owner as it nears
    `threshold`, and past it stop sending to the address."""
    now = timezone.now()
    limit = Decimal(str(threshold))
    for record in EmailAddress.objects.current().matching(address).select_related("person"):
        if record.last_bounce and now - record.last_bounce > datetime.timedelta(days=7):
            record.bounce_score, record.bounce_warned = Decimal(0), None
        if record.last_bounce is None or timezone.localdate(record.last_bounce) != \
                timezone.localdate(now):
            record.bounce_score += Decimal("1" if hard else "0.5")
        record.last_bounce, record.bounce_text = now, text[:2000]
        if record.bounce_score >= limit and record.disabled is None:
            record.disabled = now
        warn = record.bounce_warned is None and record.bounce_score >= limit - WARNING_MARGIN
        if warn:
            record.bounce_warned = now
        record.save(update_fields=["bounce_score", "last_bounce", "bounce_text", "disabled",
                                   "bounce_warned"])
        if warn:
            warn_owner(record)


def warn_owner(record: EmailAddress) -> None:
    """Tell the address's owner, at each of their other addresses that still receive mail and
    in their language, that mail to it stops (or stopped), and how to start it again."""
    person = record.person
    others = person.email_addresses.current().filter(disabled__isnull=True).exclude(
        address=record.address)
    context = {"person": person, "address": record.address,
               "stopped": record.disabled is not None, "reason": record.bounce_text[:300],
               "page": absolute_url("me:home"), "new_address": absolute_url("change_address")}
    language = language_of(person) or settings.LANGUAGE_CODE
    for other in others:
        emails.send("people.bounce_warning", other.address, context, language)
