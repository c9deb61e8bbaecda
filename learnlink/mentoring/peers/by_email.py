"""Questions to peers@: the subject is the question ("Who has done warehouse receipts?"); the
answer is the five best peers and why, from the address asked, so that a reply asks again. What
the asker may read is decided from their address as for search@; the answer is in their
language, or, for an address the directory does not know, in the question's."""

from __future__ import annotations

import re

from learnlink.exchange.by_email import LANGUAGES, Answer, asked, respond, service_address
from learnlink.mail.models import InboundMessage
from learnlink.mail.parsing import ParsedMessage
from learnlink.mentoring.peers.finder import find_peers
from learnlink.mentoring.peers.question import read_question
from learnlink.mentoring.permissions import peer_finder_groups_for
from learnlink.people.models import Person

SERVICE = "peers"
ANSWERED = 5
# "Re:", "Fwd:" and our answers' own "Peers:" (in our three languages) before a question.
_PREFIXES = re.compile(r"^(\s*(re|aw|sv|tr|fwd?|peers|wenzako|pairs)\s*:)+\s*", re.IGNORECASE)


def answer(inbound: InboundMessage) -> None:
    respond(inbound, SERVICE, _reply, language=_language)


def _reply(parsed: ParsedMessage, person: Person | None) -> Answer:
    question = asked(parsed, _PREFIXES)
    groups = peer_finder_groups_for(person)
    found = find_peers(question, set(groups.values_list("pk", flat=True)), limit=ANSWERED)
    return "mentoring.peers_answer", {"answer": found,
                                      "address": service_address(SERVICE)}, []


def _language(parsed: ParsedMessage, person: Person | None) -> str:
    """The asker's first language that we speak; else the question's; else English."""
    spoken = [code for code in (person.language_codes() if person else []) if code in LANGUAGES]
    return (spoken or [read_question(asked(parsed, _PREFIXES)).language or "en"])[0]
