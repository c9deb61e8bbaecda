"""Joining, leaving and choosing how mail arrives: the service functions that email commands
and the member's web page share. Each change is confirmed to the member by mail; one asked for
by a mail whose sender is not verified waits for the member's own answer (PendingChange)."""

from __future__ import annotations

from email.utils import formataddr

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.member_links import member_token, settings_url
from learnlink.exchange.membership import add_member, membership_of
from learnlink.exchange.models import (
    DeliveryMode,
    Group,
    HeldNotices,
    Membership,
    PendingChange,
    Role,
    Subscription,
)
from learnlink.exchange.models.delivery import CONFIRM_WITHIN
from learnlink.lib import emails
from learnlink.lib.fields import fitted
from learnlink.lib.lazy_text import filled
from learnlink.lib.links import absolute_url
from learnlink.people.addresses import current_holder, delivery_address
from learnlink.people.models import Person
from learnlink.people.person_language import language_for_address

COMMAND_HELP = [
    ("subscribe", _("join the group")),
    ("unsubscribe", _("leave the group")),
    ("each", _("receive each message")),
    ("digest", _("one email a day with the new messages")),
    ("weekly", _("one email a week")),
    ("monthly", _("one email a month")),
    ("nomail", _("no email: read on the web only")),
    ("plain", _("digests as plain text only: the lightest mail")),
    ("html", _("digests with their formatting again")),
    ("mute", _("sent in reply to a message: no more mail from its thread")),
    ("follow", _("sent in reply to a message: its thread's mail again")),
    ("help", _("this list")),
]


def command_list(group: Group) -> list[dict[str, object]]:
    """The email commands, each with its address and what it does (translated lazily: in the
    language of the mail that lists them), for help and welcome."""
    return [{"address": group.command_address(word), "help": text}
            for word, text in COMMAND_HELP]


def tell(group: Group, to: str, template: str, context: dict[str, object],
         reply_to: str = "", sender: str = "") -> None:
    """A short mail of the kind `exchange.TEMPLATE` from the group's request address (or
    `sender`, another of the group's addresses: every one of them answers a reply), in the
    recipient's language (the group's for a stranger); marked as automatic so that no
    well-behaved mailer answers it."""
    emails.send(f"exchange.{template}", to, {
        "group": group, "commands": command_list(group), **context},
        language_for_address(to, group.language),
        from_address=formataddr((group.name, sender or group.request_address), "utf-8"),
        reply_to=reply_to,
        headers={"Auto-Submitted": "auto-replied", "List-Id": group.list_id})


def request_to_join(group: Group, address: str, name: str = "", message: str = "") -> bool:
    """Whoever holds `address` asked to join (by mail or on the web): a member is told by mail
    that they are one, anyone else is asked to confirm. Only the mailbox learns which, so a web
    form can answer every visitor alike. True when a confirmation was asked for. To a
    members-only group the confirmed request goes on to its mentors (join_requests), with
    `message`, the asker's own words to them; whoever confirms their mailbox would otherwise
    read its archive."""
    if membership_of(group, current_holder(address)) is not None:
        tell(group, address, "command_reply", {"outcome": _("You are already a member.")})
        return False
    if group.subscriptions.filter(address__iexact=address, confirmed__isnull=False).exists():
        tell(group, address, "command_reply", {"outcome": filled(_(
            "Your request to join %(group)s already waits for its mentors: you will hear from "
            "them by mail."), {"group": group.name})})
        return False
    ask_to_join(group, address, name, message)
    return True


def ask_to_join(group: Group, address: str, name: str = "", message: str = "") -> Subscription:
    """Double opt-in: the address must answer before it receives anything, or before its
    request to a members-only group reaches the mentors."""
    return _ask_to_confirm(
        Subscription(group=group, address=address, name=name,
                     message=message[:Subscription.MESSAGE_LENGTH]),
        "confirm_join", {"to_mentors": not group.is_public})


def invite(group: Group, address: str, inviter: Person, *, name: str = "",
           role: str = Role.LEARNER) -> Subscription:
    """A mentor's invitation: the same double opt-in as asking to join (a link that leads to
    one button, or a reply), in words that say who invited. Like every confirmation it signs
    no one in; unlike a stranger's request to a members-only group it needs no approval, since
    a mentor made it."""
    return _ask_to_confirm(
        Subscription(group=group, address=address, name=name, role=role, invited_by=inviter),
        "invitation", {"inviter": inviter.name})


@transaction.atomic
def _ask_to_confirm(request: Subscription, template: str,
                    context: dict[str, object]) -> Subscription:
    """Store the request (replacing an older one for the address) and mail its confirmation:
    a link, and a reply address holding the same token."""
    group, address = request.group, request.address
    Subscription.objects.filter(group=group, address__iexact=address).delete()
    request.address, request.name = address.lower(), fitted(Subscription, "name", request.name)
    request.save()
    tell(group, address, template, {
        "link": absolute_url("membership:join", request.token),
        "days": CONFIRM_WITHIN.days, **context},
        reply_to=group.command_address(f"confirm+{request.token}"))
    return request


@transaction.atomic
def confirm_join(request: Subscription) -> Membership:
    membership = add_member(request.group, request.address, name=request.name,
                            role=request.role)
    request.delete()
    welcome(membership, request.address)
    return membership


def welcome(membership: Membership, address: str) -> None:
    tell(membership.group, address, "welcome", {
        "settings_url": settings_url(member_token(membership))})


@transaction.atomic
def leave(membership: Membership, address: str) -> None:
    group = membership.group
    membership.delete()
    tell(group, address, "goodbye", {})


def change_mode(membership: Membership, mode: str, address: str) -> None:
    membership.mode = DeliveryMode(mode)
    membership.save(update_fields=["mode"])
    tell(membership.group, address, "mode_changed", {
        "mode": DeliveryMode(mode).label,  # lazy: named in the notice's language, not the caller's
        "settings_url": settings_url(member_token(membership))})


def change_format(membership: Membership, plain_text: bool, address: str) -> None:
    """The digests' format changed by a mail command, which every command is, answered."""
    choose_plain_text(membership, plain_text)
    tell(membership.group, address, "mode_changed", {
        "mode": PendingChange.FORMATS["plain" if plain_text else "html"],
        "settings_url": settings_url(member_token(membership))})


@transaction.atomic
def ask_to_confirm_change(change: PendingChange) -> PendingChange:
    """Hold the change until the member answers from their own address: the one it came from,
    which is theirs (a forger does not read it). A newer request replaces an older one."""
    PendingChange.objects.filter(membership=change.membership).delete()
    change.save()
    membership = change.membership
    tell(membership.group, change.address, "confirm_change", {
        "leave": change.leaves, "mode": change.mode_label,
        "link": absolute_url("membership:confirm_change", change.token),
        "days": CONFIRM_WITHIN.days},
        reply_to=membership.group.command_address(f"confirm+{change.token}"))
    return change


@transaction.atomic
def carry_out(change: PendingChange) -> str:
    """Make the change (an unsaved one at once; a saved request once: whoever deletes its row
    first, the reply or the link, makes it); returns what was done."""
    if change.pk is not None:
        deleted, _kinds = PendingChange.objects.filter(pk=change.pk).delete()
        if not deleted:
            return "already confirmed"
    if change.leaves:
        leave(change.membership, change.address)
        return "left the group"
    if change.change in PendingChange.FORMATS:
        change_format(change.membership, change.change == "plain", change.address)
        return f"digests now {change.change}"
    change_mode(change.membership, change.change, change.address)
    return f"delivery changed to {change.change}"


def pending_change(token: str) -> PendingChange | None:
    """A member's change still waiting for its confirmation; an expired one is cleared."""
    change = (PendingChange.objects.select_related("membership__group")
              .filter(token=token).first())
    if change is not None and change.expired:
        change.delete()
        return None
    return change


def pending(token: str) -> Subscription | None:
    """A subscription still waiting for its confirmation (or, to a members-only group, for its
    mentors); expired ones are cleared."""
    request = Subscription.objects.select_related("group").filter(token=token).first()
    if request is not None and request.expired:
        request.delete()
        return None
    return request


def expire_old() -> int:
    """Clear what waited too long: a week to confirm, then a week for the mentors."""
    cutoff = timezone.now() - CONFIRM_WITHIN
    joins, _kinds = Subscription.objects.filter(
        Q(confirmed__isnull=True, created__lt=cutoff) | Q(confirmed__lt=cutoff)).delete()
    changes, _kinds = PendingChange.objects.filter(created__lt=cutoff).delete()
    return joins + changes


def member_address(membership: Membership) -> str:
    """Where a change made on a web page is confirmed: the member's delivery address; none for
    an organisation's membership, or when every address of the member bounces."""
    return (delivery_address(membership.person) if membership.person else None) or ""


def choose_mode(membership: Membership, mode: str) -> bool:
    """A member chose how mail arrives on My Learnlink; False, and nothing changed or mailed,
    when it already arrives so."""
    if membership.mode == mode:
        return False
    change_mode(membership, mode, member_address(membership))
    return True


def choose_plain_text(membership: Membership, plain_text: bool) -> bool:
    """A member chose whether digests come as plain text only (one part, the lightest mail on
    a metered connection); False when they already come so. No notice: the next digest shows."""
    if membership.plain_text == plain_text:
        return False
    membership.plain_text = plain_text
    membership.save(update_fields=["plain_text"])
    return True


def choose_held_notices(membership: Membership, choice: str) -> bool:
    """A moderator chose when they hear of held messages (held_notices); False when nothing
    changed. The morning summary lists what waits either way."""
    if membership.held_notices == choice:
        return False
    membership.held_notices = HeldNotices(choice)
    membership.save(update_fields=["held_notices"])
    return True
