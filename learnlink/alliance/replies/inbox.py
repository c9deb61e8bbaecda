"""Mail to an alliance reply address: read once, checked once (address.py: made by Learnlink,
not expired), then handed to what answers its purpose. The sender's hourly limit is that of
commands; automatic and unreadable mail is set aside unanswered (mail.inbox)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils import translation

from learnlink.alliance.planning.reminders import language_for
from learnlink.alliance.replies import (
    date_replies,
    plan_replies,
    reflection_replies,
    task_replies,
)
from learnlink.alliance.replies.address import BadAddress, record_named
from learnlink.alliance.replies.answers import refuse
from learnlink.mail.inbox import request_within_limit
from learnlink.mail.models import InboundMessage
from learnlink.mail.parsing import ParsedMessage
from learnlink.mail.routing import split_address
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Person

Handler = Callable[[InboundMessage, ParsedMessage, Person | None, int, str], None]
HANDLERS: dict[str, Handler] = {"task": task_replies.take,
                                "reflection": reflection_replies.take,
                                "plan": plan_replies.take,
                                "date": date_replies.take}


def take_reply(inbound: InboundMessage) -> None:
    parsed = request_within_limit(inbound, "command")
    if parsed is None:
        return
    person = person_for_address(parsed.from_address)
    language = language_for(person) if person else settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            purpose, pk = record_named(split_address(inbound.recipient)[0])
        except BadAddress as error:
            refuse(inbound, parsed, language, error.explained(), str(error))
            return
        HANDLERS[purpose](inbound, parsed, person, pk, language)
