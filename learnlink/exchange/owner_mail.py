"""Mail for people, not for the machine: SLUG-owner@ reaches the group's mentors (Mailman's
owner address), and our own From address (DEFAULT_FROM_EMAIL: sign-in links, reminders, sales
answers) answers anyone who replies to such a notice, instead of bouncing them with a 550: it
says that nobody reads it and where the mentors are. Both are limited per sender ("contact"),
and both quarantine auto-replies unanswered, so two robots never talk."""

from __future__ import annotations

from email.utils import formataddr, parseaddr

from django.conf import settings

from learnlink.exchange.models import Group, Membership
from learnlink.exchange.notices import moderator_addresses
from learnlink.exchange.subscriptions import tell
from learnlink.lib import emails
from learnlink.mail.inbox import finish, quarantine, request_within_limit
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.routing import split_address
from learnlink.people.addresses import current_holder

OWNER_SUFFIX = "-owner"


def owner_group(local: str) -> Group | None:
    """The group whose SLUG-owner@ address `local` is."""
    if not local.endswith(OWNER_SUFFIX):
        return None
    return Group.objects.filter(slug=local.removesuffix(OWNER_SUFFIX)).first()


def not_read_address() -> str:
    """The bare address of DEFAULT_FROM_EMAIL, which may be written with a name."""
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower()


def is_not_read_address(local: str, domain: str) -> bool:
    return f"{local}@{domain}" == not_read_address()


def forward_to_mentors(inbound: InboundMessage) -> None:
    """Pass the sender's words to each mentor, with Reply-To the sender: a mentor's answer
    goes to them directly."""
    group = owner_group(split_address(inbound.recipient)[0])
    parsed = request_within_limit(inbound, "contact")
    if group is None or parsed is None:
        return
    mentors = moderator_addresses(group)
    if not mentors:
        quarantine(inbound, "the group has no mentor to pass it to")
        return
    for address in mentors:
        tell(group, address, "to_mentors", {"parsed": parsed}, reply_to=parsed.from_address,
             sender=group.owner_address)
    finish(inbound, State.DONE, f"from {parsed.from_address}: passed to {len(mentors)} "
                                f"mentors")


def answer_not_read(inbound: InboundMessage) -> None:
    """Say this address is not read, and give the sender's groups' mentor addresses."""
    parsed = request_within_limit(inbound, "contact")
    if parsed is None:
        return
    person = current_holder(parsed.from_address)
    memberships = Membership.objects.filter(person=person).select_related("group")
    groups = [membership.group for membership in memberships] if person else []
    language = (person.language_codes() or [""])[0] if person else ""
    emails.send("exchange.not_read", parsed.from_address, {
        "groups": groups, "example": f"SLUG-owner@{settings.LEARNLINK_MAIL_DOMAIN}"},
        language if language in dict(settings.LANGUAGES) else None,
        from_address=formataddr(("Learnlink", not_read_address())),
        headers={"Auto-Submitted": "auto-replied", "In-Reply-To": f"<{parsed.message_id}>"})
    finish(inbound, State.DONE, f"told {parsed.from_address} this address is not read")
