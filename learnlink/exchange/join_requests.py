"""Asking to join a members-only group: the address confirms first (the same mail, link or
reply as any subscription: subscriptions.ask_to_join), then the request goes to the group's
mentors, who approve it (a member, welcomed) or refuse it (told politely, with their reason if
they gave one). The web page, the join form and the email commands all call these functions.

Each mentor's notice comes from, and asks replies to, its own signed address (`admit+`:
join_by_email), so a mentor with only email answers it with "approve" or "reject <reason>".
The asker learns nothing of the group but its name and addresses, which its mail answers
already say; the mentors' notice holds the asker's name and words but not their address (a
mail may be quoted anywhere): the moderation page, for signed-in mentors, shows it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.command_words import decision_words
from learnlink.exchange.models import Membership, Subscription
from learnlink.exchange.notices import moderators
from learnlink.exchange.subscriptions import confirm_join, tell
from learnlink.lib.lazy_text import filled
from learnlink.lib.links import absolute_url
from learnlink.lib.reply_addresses import ReplyAddresses
from learnlink.people.person_language import language_for_address

# Each mentor's notice answers to its own address: that request, that mentor, two weeks.
ADDRESSES = ReplyAddresses("admit+", "join-decision", (int, int), 14)


def confirmed(request: Subscription) -> str:
    """The address answered its confirmation: it joins a public group at once, and any group
    its mentors invited it to; otherwise, to a members-only group, its request goes to the
    mentors. Returns what was done."""
    if request.group.is_public or request.invited:
        confirm_join(request)
        return "joined"
    return send_to_mentors(request)


@transaction.atomic
def send_to_mentors(request: Subscription) -> str:
    """Once only, whoever confirms first (the link or the reply): the asker is told that the
    request waits, and each of the group's mentors gets a notice with a link to approve it."""
    updated = Subscription.objects.filter(pk=request.pk, confirmed__isnull=True).update(
        confirmed=timezone.now())
    if not updated:
        return "already with the mentors"
    group = request.group
    tell(group, request.address, "command_reply", {"outcome": filled(_(
        "Your request to join %(group)s went to its mentors: you will hear from them by "
        "mail."), {"group": group.name})})
    for person, address in moderators(group):
        reply = ADDRESSES.make(request.pk, person.pk)
        tell(group, address, "join_request", {
            "request": request, "link": absolute_url("exchange:join_requests", group.slug),
            "words": decision_words(language_for_address(address, group.language))},
            reply_to=reply, sender=reply)
    return "sent to the mentors"


def approve(request: Subscription) -> Membership:
    """A mentor let them in: a member, welcomed as anyone who joins."""
    return confirm_join(request)


@transaction.atomic
def refuse(request: Subscription, reason: str = "") -> None:
    """A mentor said no: the asker is told, kindly, and with the mentor's reason if given."""
    request.delete()
    values = {"group": request.group.name, "reason": reason}
    outcome = filled(_(
        "The mentors of %(group)s did not add you to the group this time. Their reason: "
        "%(reason)s"), values) if reason else filled(_(
        "The mentors of %(group)s did not add you to the group this time. Thank you for "
        "your interest."), values)
    tell(request.group, request.address, "command_reply", {"outcome": outcome})
