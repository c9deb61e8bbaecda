"""Proposals by mail to SLUG+agenda@: the subject is the topic, the text says why. A subject
that is a topic on the agenda already supports it instead, as the web's button does (members
who read the agenda in a digest answer it by mail). The sender always hears back from that
address, in their language: the topic proposed or supported, with its link, or why not (an
empty subject, a sender who is not a learner or mentor of the group, a topic they or their
organisation support already, or one that takes no more support). Auto-replies and unreadable
mail are quarantined unanswered, and each sender may write a limited number of times an hour
(the commands' limit), as for commands."""

from __future__ import annotations

import re

from django.db import transaction
from django.urls import reverse

from learnlink.exchange.models import Group
from learnlink.lib import emails
from learnlink.lib.links import absolute
from learnlink.mail.inbox import finish
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.mentoring.agenda.actions import Refused, propose, support
from learnlink.mentoring.models.agenda import Topic, Via
from learnlink.mentoring.plus_addresses import group_at, group_request
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Person
from learnlink.people.person_language import language_of

WORD = "agenda"
DESCRIPTION = 2000  # characters of the mail's text kept as the topic's description
# "Re:", "Fwd:" and our own answers' words before a topic.
_PREFIXES = re.compile(r"^(\s*(re|aw|sv|tr|fwd?)\s*:)+\s*", re.IGNORECASE)


def agenda_group(local: str) -> Group | None:
    """The group whose SLUG+agenda@ address `local` is."""
    return group_at(local, WORD)


def take_proposal(inbound: InboundMessage) -> None:
    request = group_request(inbound, WORD)
    if request is None:
        return
    group, parsed = request
    person = person_for_address(parsed.from_address)
    language = language_of(person) or group.language
    context = {"group": group.name, "agenda": absolute(_agenda(group)),
               "address": group.command_address(WORD)}
    title = _PREFIXES.sub("", parsed.subject)
    with transaction.atomic():  # the topic, the answer and the inbox row's end, in one commit
        try:
            topic, done = _propose_or_support(group, person, title, parsed, inbound)
        except Refused as refused:
            _answer(group, parsed, "mentoring.agenda_refused",
                    {**context, "title": title.strip(), "reason": refused.reason}, language)
            finish(inbound, State.REJECTED, f"from {parsed.from_address}: not proposed: "
                                            f"{refused.reason}")
            return
        _answer(group, parsed, f"mentoring.agenda_{done}",
                {**context, "title": topic.title, "url": absolute(topic.get_absolute_url())},
                language)
        finish(inbound, State.DONE, f"from {parsed.from_address}: {done} topic {topic.pk}")


def _propose_or_support(group: Group, person: Person | None, title: str, parsed: ParsedMessage,
                        inbound: InboundMessage) -> tuple[Topic, str]:
    """The topic and what became of it: proposed, or supported when it was there already."""
    try:
        return propose(group, person, title, parsed.new_text[:DESCRIPTION], Via.MAIL,
                       when=inbound.received), "proposed"
    except Refused as refused:
        if refused.topic is None:
            raise
        support(refused.topic, person, when=inbound.received)
        return refused.topic, "supported"


def _agenda(group: Group) -> str:
    return reverse("mentoring:agenda", args=[group.slug])


def _answer(group: Group, parsed: ParsedMessage, kind: str, context: dict[str, object],
            language: str) -> None:
    """From the agenda's address: a reply proposes again."""
    emails.send(kind, parsed.from_address, context, language,
                from_address=group.command_address(WORD),
                headers={"In-Reply-To": f"<{parsed.message_id}>",
                         "Auto-Submitted": "auto-replied"})
