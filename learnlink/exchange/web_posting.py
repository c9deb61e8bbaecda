"""Posting from the web (a form or the API): a real email handed to the inbox like any mail.

A web post is built as the member's mail client would build it (From their delivery address,
To the group, our Message-ID, In-Reply-To and References of the message answered) and goes
through `mail.inbox.receive()` with `Source.WEB`, so moderation, threading, archive, search
and delivery are the ones mail gets. Only this module writes `Source.WEB`: that source is the
server-side mark that a signed-in person wrote it (mail.authentication.inbound_verdict).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage

from learnlink.exchange.models import Group, HeldMessage, Message
from learnlink.mail.composing import Upload, as_written
from learnlink.mail.inbox import TEMPORARY, process, receive
from learnlink.mail.models import InboundMessage, Source
from learnlink.mail.tasks import process_inbound
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Person


class TooLarge(Exception):
    """The post with its file weighs more than the group's size limit: nothing was stored."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size:,} bytes > {limit:,}")
        self.size, self.limit = size, limit


class NoAddress(Exception):
    """The person has no address mail may go to, so a post could not be answered by mail."""


@dataclass(frozen=True)
class Outcome:
    """What became of a web post: archived (`message`), waiting for a moderator (`held`), or
    neither (read as a command, quarantined, or queued for the worker while the database was
    busy)."""

    message: Message | None
    held: HeldMessage | None


def reply_subject(subject: str) -> str:
    """"Re: " once, however many times the thread was answered."""
    return subject if subject[:3].lower() == "re:" else f"Re: {subject}"


def build(person: Person, group: Group, subject: str, text: str,
          parent: Message | None = None, upload: Upload | None = None) -> EmailMessage:
    """The email a member's mail client would send for this post."""
    address = delivery_address(person)
    if not address:
        raise NoAddress(person.name)
    replied = (parent.message_id, parent.references.split()) if parent is not None else None
    return as_written((person.name, address), (group.name, group.address),
                      reply_subject(parent.subject) if parent and not subject else subject,
                      text, replied, upload)


def post_on_web(person: Person, group: Group, subject: str, text: str,
                parent: Message | None = None, upload: Upload | None = None) -> Outcome:
    """Build the post, refuse it whole when over the limit, else receive it as mail."""
    mail = build(person, group, subject, text, parent, upload)
    raw = mail.as_bytes()
    if len(raw) > group.size_limit:
        raise TooLarge(len(raw), group.size_limit)
    [inbound] = receive(raw, [group.address], Source.WEB,
                        envelope_from=delivery_address(person) or "", process=False)
    _process_now(inbound)
    message_id = mail["Message-ID"].strip("<>")
    return Outcome(Message.objects.filter(group=group, message_id=message_id).first(),
                   HeldMessage.objects.filter(inbound=inbound).first())


def _process_now(inbound: InboundMessage) -> None:
    """In the request, not the worker's queue, so the author sees their post at once; when the
    database is busy the worker takes it, as it would a mail."""
    try:
        process(inbound)
    except TEMPORARY:
        process_inbound(inbound.pk)
