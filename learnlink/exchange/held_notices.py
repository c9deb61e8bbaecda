"""The notice a group's moderators get of each held message, at once (Mailman's default), so
that a mentor who has only email can run a moderated group: who sent it, why it waits, its
text quoted, and how to decide by a plain reply (moderate_by_email). A moderator who chose
"in the daily summary only" (Membership.held_notices) gets none: the mentors' morning summary
lists what waits in every group they follow, whatever they chose.

Each notice comes from, and asks replies to, its own signed address
`moderate+HELD.PERSON.ISSUED.SIGNATURE@`: it decides that held message only, for the moderator
it was mailed to, for NOTICE_DAYS, and signs nobody in. The token is in the From and Reply-To
addresses and not in the subject: a mail program that drops Reply-To replies to From, which
carries it too, while a subject is quoted and forwarded far more often than an address, and
"Re: [a1b2…]" in a mentor's inbox helps nobody.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.command_words import decision_words
from learnlink.exchange.held_display import held_text
from learnlink.exchange.models import HeldMessage, HeldNotices, HeldStatus, Membership, Role
from learnlink.exchange.subscriptions import tell
from learnlink.lib.links import absolute_url
from learnlink.lib.reply_addresses import ReplyAddresses
from learnlink.people.addresses import delivery_address
from learnlink.people.person_language import language_for_address

NOTICE_DAYS = 14  # a held message waits days, not weeks: then the web queue is the way
ADDRESSES = ReplyAddresses("moderate+", "held-decision", (int, int), NOTICE_DAYS)
QUOTED = 2_000  # characters of the message quoted: enough to judge, light on a phone
EXAMPLE_REASON = _("Please join the group first, then write again.")


def announce(held: HeldMessage) -> None:
    """Queue the notices once the transaction that holds the message commits: the worker
    must find the held row, and a rolled-back hold must tell nobody."""
    from learnlink.exchange.tasks import send_held_notices  # tasks import this module

    transaction.on_commit(partial(send_held_notices, held.pk))


def told_at_once(held: HeldMessage) -> QuerySet[Membership]:
    """The group's moderators (mentors and owners, in person) who want each held message."""
    return (held.group.memberships.filter(role__in=[Role.MENTOR, Role.OWNER],
                                          person__isnull=False,
                                          held_notices=HeldNotices.AT_ONCE)
            .select_related("person").prefetch_related("person__email_addresses"))


def send_notices(held_id: int) -> int:
    """A notice to each moderator who wants one, if the message still waits; how many."""
    held = (HeldMessage.objects.select_related("group", "inbound")
            .filter(pk=held_id, status=HeldStatus.WAITING).first())
    if held is None:
        return 0
    text = held_text(held)
    context = {"held": held, "quoted": quoted(text[:QUOTED]), "cut": len(text) > QUOTED,
               "queue": absolute_url("exchange:moderation", held.group.slug),
               "example_reason": EXAMPLE_REASON}
    sent = 0
    for membership in told_at_once(held):
        person = membership.person
        address = delivery_address(person) if person is not None else None
        if person is not None and address:
            reply = ADDRESSES.make(held.pk, person.pk)
            # The words shown are those of the notice's language (tell's); all of them work.
            language = language_for_address(address, held.group.language)
            tell(held.group, address, "held_notice",
                 context | {"words": decision_words(language)},
                 reply_to=reply, sender=reply)
            sent += 1
    return sent


def quoted(text: str) -> str:
    """The text as a reply quotes it, so a reply that keeps it below decides nothing with it."""
    return "\n".join(f"> {line}".rstrip() for line in text.strip().splitlines())

