"""Search and fetch by email, for members who cannot browse: search@ answers with the ten best
results, get@ with a message (M123) or a file (A45). The reader's rights are those of the
sender's address, exactly as on the web. Each answer comes from the address asked, so a reply
asks again (a search's reply searches its subject again); each address and envelope sender may
ask a limited number of times an hour ("search"): past it, one notice, then silence."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import default_storage
from django.utils import translation

from learnlink.exchange import search_sections
from learnlink.exchange.models import Attachment, Message
from learnlink.exchange.permissions import groups_for_person
from learnlink.exchange.search import search_messages
from learnlink.lib import emails
from learnlink.lib.limits import Limit
from learnlink.mail.inbox import finish, request_to_answer
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Person

SEARCH, GET = "search", "get"
RESULTS = 10
_ID = re.compile(r"\b([MA])\s*(\d+)\b", re.IGNORECASE)
# "Re:", "Fwd:" and our own "Search:" (in our three languages) before a replied search's words.
_PREFIXES = re.compile(r"^(\s*(re|aw|sv|tr|fwd?|search|utafutaji|recherche)\s*:)+\s*",
                       re.IGNORECASE)
LANGUAGES = ("en", "sw", "fr")
# An answer: the kind of mail ("app.name"), its context and its attachments (name, content,
# type); what a service makes of a request and of who sent it.
Answer = tuple[str, dict[str, Any], list[tuple[str, bytes, str]]]
Reply = Callable[[ParsedMessage, Person | None], Answer]


def answer(inbound: InboundMessage, service: str) -> None:
    """Answer a request to search@ or get@."""
    respond(inbound, service, _search_reply if service == SEARCH else _get_reply)


def respond(inbound: InboundMessage, service: str, reply: Reply,
            language: Callable[[ParsedMessage, Person | None], str] | None = None) -> None:
    """Read a request to a service address (search@, get@, or another app's, like peers@),
    answer it from that address in the reader's language (`language` chooses it, else the
    sender's own), within the hourly limit that all of them share, and record what was done
    on the inbound row."""
    parsed = request_to_answer(inbound)
    if parsed is None:
        return
    person = person_for_address(parsed.from_address)
    chosen = (language or reader_language)(parsed, person)
    limit = Limit.named("search")
    over = limit.count(parsed.from_address, inbound.envelope_from)
    if over:
        if over == 1:
            _reply(parsed, service, chosen, ("exchange.too_many", {
                "asked": parsed.subject, "minutes": limit.minutes}, []))
        finish(inbound, State.REJECTED, f"{service} request over the limit of "
                                        f"{limit.per_address} an hour")
        return
    with translation.override(chosen):
        answered = reply(parsed, person)
    _reply(parsed, service, chosen, answered)
    finish(inbound, State.DONE, f"answered {service} request")


def reader_language(parsed: ParsedMessage, person: Person | None) -> str:
    """The sender's first language if we know them and speak it, else English."""
    language = (person.language_codes() or ["en"])[0] if person else "en"
    return language if language in LANGUAGES else "en"


def asked(parsed: ParsedMessage, prefixes: re.Pattern[str] = _PREFIXES) -> str:
    """What a request asks: its subject without "Re:" and our answers' own prefixes, else the
    first line of its text."""
    lines = parsed.new_text.strip().splitlines()
    return prefixes.sub("", parsed.subject).strip() or (lines[0][:200] if lines else "")


def _search_reply(parsed: ParsedMessage, person: Person | None) -> Answer:
    query = asked(parsed)
    results = search_messages(groups_for_person(person), query, limit=RESULTS)
    reader = person.user if person is not None and person.user else AnonymousUser()
    return "exchange.search_results", {"query": query, "results": results,
                                       "get": service_address(GET),
                                       "search": service_address(SEARCH),
                                       "sections": search_sections.as_text(query, reader)}, []


def _get_reply(parsed: ParsedMessage, person: Person | None) -> Answer:
    match = _ID.search(parsed.subject) or _ID.search(parsed.new_text[:500])
    groups = groups_for_person(person)
    kind, number = (match.group(1).upper(), int(match.group(2))) if match else ("", 0)
    if kind == "M":
        message = Message.objects.filter(pk=number, group__in=groups, is_placeholder=False,
                                         removed__isnull=True).first()
        if message is not None:
            return "exchange.get_message", {"message": message, "get": service_address(GET)}, []
    if kind == "A":
        item = Attachment.objects.filter(pk=number, message__group__in=groups,
                                         message__removed__isnull=True).first()
        if item is not None:
            with default_storage.open(item.storage_name) as stored:
                content = stored.read()
            return "exchange.get_file", {"attachment": item}, [
                (item.filename, content, item.content_type)]
    return "exchange.get_unknown", {"asked": parsed.subject}, []


def service_address(service: str) -> str:
    return f"{service}@{settings.LEARNLINK_MAIL_DOMAIN}"


def _reply(parsed: ParsedMessage, service: str, language: str, reply: Answer) -> None:
    """From the address that was asked: replying to it asks again."""
    kind, context, attachments = reply
    emails.send(kind, parsed.from_address, context, language,
                from_address=service_address(service), attachments=attachments,
                headers={"In-Reply-To": f"<{parsed.message_id}>",
                         "Auto-Submitted": "auto-replied"})
