"""Search and fetch by email, for members who cannot browse: search@ answers with the ten best
results, get@ with a message (M123) or a file (A45). The reader's rights are those of the
sender's address, exactly as on the web."""

from __future__ import annotations

import re

from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from learnlink.exchange.models import Attachment, Message
from learnlink.exchange.permissions import groups_for_person
from learnlink.exchange.search import search_messages
from learnlink.mail.inbox import finish, request_to_answer
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Person

SEARCH, GET = "search", "get"
RESULTS = 10
_ID = re.compile(r"\b([MA])\s*(\d+)\b", re.IGNORECASE)


def answer(inbound: InboundMessage, service: str) -> None:
    """Read the request, send the answer, and record what was done on the inbound row."""
    parsed = request_to_answer(inbound)
    if parsed is None:
        return
    person = person_for_address(parsed.from_address)
    language = (person.language_codes() or ["en"])[0] if person else "en"
    with translation.override(language if language in ("en", "sw", "fr") else "en"):
        reply = (_search_reply if service == SEARCH else _get_reply)(parsed, person)
    reply.send()
    finish(inbound, State.DONE, f"answered {service} request")


def _search_reply(parsed: ParsedMessage, person: Person | None) -> EmailMessage:
    lines = parsed.new_text.strip().splitlines()
    query = parsed.subject.strip() or (lines[0][:200] if lines else "")
    results = search_messages(groups_for_person(person), query, limit=RESULTS)
    body = render_to_string("exchange/email/search_results.txt",
                            {"query": query, "results": results})
    return _reply(parsed, render_to_string("exchange/email/search_subject.txt",
                                           {"query": query}).strip(), body)


def _get_reply(parsed: ParsedMessage, person: Person | None) -> EmailMessage:
    match = _ID.search(parsed.subject) or _ID.search(parsed.new_text[:500])
    groups = groups_for_person(person)
    kind, number = (match.group(1).upper(), int(match.group(2))) if match else ("", 0)
    if kind == "M":
        message = Message.objects.filter(pk=number, group__in=groups,
                                         is_placeholder=False).first()
        if message is not None:
            body = render_to_string("exchange/email/get_message.txt", {"message": message})
            return _reply(parsed, message.subject, body)
    if kind == "A":
        item = Attachment.objects.filter(pk=number, message__group__in=groups).first()
        if item is not None:
            reply = _reply(parsed, item.filename, render_to_string(
                "exchange/email/get_file.txt", {"attachment": item}))
            with default_storage.open(item.storage_name) as stored:
                reply.attach(item.filename, stored.read(), item.content_type)
            return reply
    body = render_to_string("exchange/email/get_unknown.txt", {"asked": parsed.subject})
    return _reply(parsed, parsed.subject, body)


def _reply(parsed: ParsedMessage, subject: str, body: str) -> EmailMessage:
    headers = {"In-Reply-To": f"<{parsed.message_id}>", "Auto-Submitted": "auto-replied"}
    return EmailMessage(f"Re: {subject}"[:200], body, None, [parsed.from_address],
                        headers=headers)
