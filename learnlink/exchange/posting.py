"""What happens to a stored message addressed to a group: the one path from inbox to archive.

Every branch ends the inbound row as posted, held for a moderator, quarantined or rejected,
always with a reason a mentor can read. Nothing is dropped silently.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy, gettext_noop

from learnlink.exchange.command_words import administrivia
from learnlink.exchange.display import message_html
from learnlink.exchange.distribution import distribute
from learnlink.exchange.email_commands import answer
from learnlink.exchange.held_notices import announce
from learnlink.exchange.indexing import index_messages
from learnlink.exchange.list_mail import MemberCopy, member_copy
from learnlink.exchange.member_links import void_quoted_links
from learnlink.exchange.membership import membership_of
from learnlink.exchange.models import (
    Attachment,
    BannedAddress,
    Group,
    HeldMessage,
    Membership,
    Message,
    PostingPolicy,
    Role,
)
from learnlink.exchange.notices import notify_sender
from learnlink.exchange.on_archive import archived
from learnlink.exchange.quoted_footers import without_footers
from learnlink.exchange.spam_check import spam_reason
from learnlink.exchange.subject_prefix import without_prefix
from learnlink.exchange.thread_placement import DuplicateMessage, place_message
from learnlink.lib.fields import fitted
from learnlink.mail.body import ParsedAttachment
from learnlink.mail.inbox import finish, quarantine
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage, ParseError, parse
from learnlink.mail.routing import split_address
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Person

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checks:
    """Which of the automatic refusals apply; a mentor releasing a message turns them off."""

    size: bool = True
    loops: bool = True
    auto_replies: bool = True
    spam: bool = True


READ_AS_COMMAND = gettext_lazy(
    "Your mail was read as a command, so it was not sent to the group. To write to everyone, "
    "say more than the command word.")


def group_for(inbound: InboundMessage) -> Group:
    local, _domain = split_address(inbound.recipient)
    return Group.objects.get(slug=local)


def process_inbound(inbound: InboundMessage, checks: Checks = Checks()) -> None:
    """Decide and act: quarantine, reject, answer as a command, hold or post."""
    group = group_for(inbound)
    if checks.size and inbound.size > group.size_limit:
        quarantine(inbound, f"larger than the group's limit ({inbound.size:,} bytes > "
                            f"{group.size_limit:,})")
        return
    try:
        parsed = parse(bytes(inbound.raw))
    except ParseError as error:
        quarantine(inbound, f"cannot be read as an email: {error}")
        return
    reason = _automatic_refusal(group, parsed, checks) or (
        spam_reason(group, bytes(inbound.raw)) if checks.spam else "")
    if reason:
        quarantine(inbound, reason)
        return
    if BannedAddress.objects.filter(group=group, address=parsed.from_address).exists():
        finish(inbound, State.REJECTED, f"{parsed.from_address} is always rejected here")
        return
    said = administrivia(parsed)
    if said:
        answer(inbound, group, said, parsed, note=READ_AS_COMMAND)
        return
    person = author_of(parsed)
    hold_reason = _hold_reason(group, membership_of(group, person))
    if hold_reason:
        hold(group, inbound, parsed, hold_reason)
    else:
        post(group, inbound, parsed, person)


def _automatic_refusal(group: Group, parsed: ParsedMessage, checks: Checks) -> str:
    ours = {group.list_id, group.address}
    marks = {mark.strip("<> ").lower() for mark in [*parsed.list_ids, *parsed.loop_markers]}
    if checks.loops and ours & marks:
        return "our own mail came back (List-Id or X-Loop of this group): a mail loop"
    if checks.auto_replies and parsed.auto_reply:
        return parsed.auto_reply
    return ""


# Hold reasons are stored in English, as the catalogue's msgids, and translated where they are
# shown ({% translate held.reason %}), so a notice and a queue read in their reader's language.
NOT_A_MEMBER = gettext_noop("the sender is not a member of the group")
MODERATED = gettext_noop("the group is moderated")
OBSERVER = gettext_noop("the sender is an observer (outer circle), and observers' posts wait "
                        "for a mentor in this group")
HELD_MEMBER = gettext_noop("a mentor holds this member's posts for review")


def _hold_reason(group: Group, membership: Membership | None) -> str:
    """Why the message waits for a mentor ('' when it may go out): a member's own hold and
    the observers' rule first, since they apply even in an open group."""
    if membership is not None and membership.hold_posts:
        return HELD_MEMBER
    if membership is not None and membership.role == Role.OBSERVER \
            and not group.observers_may_post:
        return OBSERVER
    if group.posting_policy == PostingPolicy.OPEN:
        return ""
    if membership is None:
        return NOT_A_MEMBER
    if group.posting_policy == PostingPolicy.MODERATED and not membership.moderates:
        return MODERATED
    return ""


def author_of(parsed: ParsedMessage) -> Person | None:
    """Whoever used the sender's address on the day the message was written."""
    return person_for_address(parsed.from_address,
                              on=parsed.date.date() if parsed.date else None)


def hold(group: Group, inbound: InboundMessage, parsed: ParsedMessage, reason: str) -> None:
    with transaction.atomic():
        held, _created = HeldMessage.objects.update_or_create(inbound=inbound, defaults={
            "group": group,
            "sender_address": fitted(HeldMessage, "sender_address", parsed.from_address),
            "sender_name": fitted(HeldMessage, "sender_name", parsed.from_name),
            "subject": fitted(HeldMessage, "subject", parsed.subject),
            "reason": reason})
        notify_sender(held)
        announce(held)
        finish(inbound, State.DONE, f"held for a moderator: {reason}")


@dataclass(frozen=True)
class Ready:
    """A message with everything that takes time done (its HTML, its copy for the members,
    its files stored), so that posting holds the database's write lock for milliseconds: a
    9 MB message re-serialised inside the transaction once kept every other writer (the SMTP
    server, sign-in) waiting for minutes."""

    group: Group
    inbound: InboundMessage
    parsed: ParsedMessage
    person: Person | None
    columns: dict[str, str]
    copy: MemberCopy


def ready(group: Group, inbound: InboundMessage, parsed: ParsedMessage,
          person: Person | None) -> Ready:
    """Outside any transaction: nothing here writes to the database."""
    store_files(parsed.attachments)
    # A bare address as display name reads like a spoofed From to mail filters and people.
    columns = parsed_columns(parsed, group.footer)
    name = columns["sender_name"] or (person.name if person else "") or columns["sender_address"]
    copy = member_copy(group, bytes(inbound.raw), name, columns["sender_address"],
                       parsed.subject)
    return Ready(group, inbound, parsed, person, columns, copy)


def post(group: Group, inbound: InboundMessage, parsed: ParsedMessage,
         person: Person | None) -> Message | None:
    return publish(ready(group, inbound, parsed, person))


def publish(prepared: Ready) -> Message | None:
    """Archive the message in its thread, with its attachments, index it for search and queue
    the members' copies: one short transaction."""
    parsed, inbound = prepared.parsed, prepared.inbound
    with transaction.atomic():
        try:
            message = place_message(
                prepared.group, message_id=parsed.message_id, references=parsed.references,
                subject=without_prefix(parsed.subject, prepared.group.subject_prefix),
                date=parsed.date or inbound.received,
                inbound=inbound, sender=prepared.person, **prepared.columns)
        except DuplicateMessage:
            finish(inbound, State.DONE, "the same Message-ID is already in the archive")
            return None
        save_attachments([(message, parsed)])
        void_quoted_links(f"{parsed.text}\n{parsed.html}")
        index_messages([message])
        archived(prepared.group, [message])
        distribute(message, prepared.copy)
        finish(inbound, State.DONE)
    return message


def parsed_columns(parsed: ParsedMessage, group_footer: str = "") -> dict[str, str]:
    """The columns of a message that its bytes and its group's footer text decide, threading
    apart (the sender's name and address, text, quotes, signature and their HTML): the same
    whether the message is posted, imported or parsed again. Our own footers, quoted, are left
    out of all of them."""
    text = without_footers(parsed.new_text, group_footer)
    quoted = without_footers(parsed.quoted, group_footer)
    return {"sender_name": fitted(Message, "sender_name", parsed.from_name),
            "sender_address": fitted(Message, "sender_address", parsed.from_address),
            "text": text, "quoted": quoted,
            "signature": without_footers(parsed.signature, group_footer),
            "html": message_html(text)}


def save_attachments(posted: Iterable[tuple[Message, ParsedMessage]]) -> None:
    """Content-addressed: the same file sent ten times is stored once. One insert for all."""
    rows: list[Attachment] = []
    for message, parsed in posted:
        store_files(parsed.attachments)
        rows.extend(Attachment(message=message, filename=attachment.filename,
                               content_type=attachment.content_type,
                               size=len(attachment.content), sha256=attachment.sha256)
                    for attachment in parsed.attachments)
    if rows:
        Attachment.objects.bulk_create(rows)


class StoreFull(Exception):
    """The attachment disk has no room: the message waits in the quarantine, whole."""


def store_files(attachments: Iterable[ParsedAttachment]) -> None:
    """Each file under its SHA-256, unless it is there already."""
    for attachment in attachments:
        name = Attachment(sha256=attachment.sha256).storage_name
        if not default_storage.exists(name):
            _store(name, attachment.content)


def _store(name: str, content: bytes) -> None:
    """A file not written whole is removed: stored under its digest, the part written would
    otherwise stand for the whole file for ever."""
    try:
        default_storage.save(name, ContentFile(content))
    except OSError as error:
        default_storage.delete(name)
        if error.errno == errno.ENOSPC:
            raise StoreFull("the attachment disk is full (No space left on device): make "
                            "room, then release this message") from error
        raise
