"""A moderator's reply to the notice of a held message (held_notices), at the notice's signed
address: `approve`, `reject <reason>` or `ban` on the first line of the reply's own text (or
their Kiswahili and French words: command_words.DECISIONS; what the reply quotes and the
signature are cut before) decides the message through the same functions as the queue's
buttons (moderation), and the moderator is answered with what was done.

Who may decide: a current address of a person who moderates the group (a mentor or owner,
in person or through their organisation). A From header can be forged, so the decision is taken
when the From is the moderator the notice was mailed to (the signed address proves the notice
reached them, and only their mailbox has it), or when our MTA verified the sender's domain
(mail.authentication); a reply to another moderator's notice is otherwise refused.

Refused, each with an answer that says why and what to do, the mail ending rejected with the
reason: an unknown, forged or expired address; a sender who moderates nothing here (told
nothing about the message); a message decided already, on the web or by an earlier reply (who
decided, and when); no word understood (the words are listed); `reject` without a reason (the
sender is owed one: the moderator is asked to say it, and the same notice still answers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from learnlink.exchange import moderation
from learnlink.exchange.command_words import (
    ADD,
    APPROVE,
    BAN,
    REJECT,
    decision_of,
    decision_words,
)
from learnlink.exchange.held_display import already
from learnlink.exchange.held_notices import ADDRESSES, EXAMPLE_REASON
from learnlink.exchange.membership import membership_of
from learnlink.exchange.models import Group, HeldMessage, HeldStatus
from learnlink.lib import emails
from learnlink.lib.links import absolute_url
from learnlink.lib.reply_addresses import BadAddress
from learnlink.mail.authentication import inbound_verdict
from learnlink.mail.inbox import finish, request_within_limit
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.mail.routing import split_address
from learnlink.people.addresses import current_holder
from learnlink.people.models import Person
from learnlink.people.person_language import language_for_address

ANSWER = "exchange.moderation_answer"
REASON_LONGEST = 1000  # as the queue's reject form


class Refused(Exception):
    """Nothing was decided: `outcome` tells the moderator why, `record` the inbox."""

    def __init__(self, outcome: str, record: str, **context: Any) -> None:
        super().__init__(record)
        self.outcome, self.record, self.context = outcome, record, context


Decide = Callable[[InboundMessage, ParsedMessage], tuple[str, str, dict[str, Any]]]


def take_reply(inbound: InboundMessage) -> None:
    answer_reply(inbound, _decide_reply)


def answer_reply(inbound: InboundMessage, decide: Decide) -> None:
    """Decide what a moderator's reply asks (`decide` gives the answer's words, the record and
    the answer's context, or raises Refused) and answer them in their language."""
    parsed = request_within_limit(inbound, "command")
    if parsed is None:
        return
    language = language_for_address(parsed.from_address, settings.LANGUAGE_CODE)
    with translation.override(language):
        try:
            outcome, done, context = decide(inbound, parsed)
        except Refused as refused:
            _answer(parsed, language, {"outcome": refused.outcome, **refused.context})
            finish(inbound, State.REJECTED, f"from {parsed.from_address}: {refused.record}")
            return
    _answer(parsed, language, {"outcome": outcome, **context})
    finish(inbound, State.DONE, f"from {parsed.from_address}: {done}")


def _decide_reply(inbound: InboundMessage,
                  parsed: ParsedMessage) -> tuple[str, str, dict[str, Any]]:
    """The answer's words, the record and context once decided; Refused otherwise."""
    try:
        held_pk, mailed_to = ADDRESSES.read(split_address(inbound.recipient)[0])
    except BadAddress as error:
        raise Refused(error.explained(), str(error)) from None
    held = (HeldMessage.objects.select_related("group", "decided_by", "decided_by_person")
            .filter(pk=held_pk).first())
    if held is None:
        raise Refused(_("This message is no longer in the moderation queue, so nothing was "
                        "done."), f"held message {held_pk} is gone")
    queue = {"held": held, "queue": absolute_url("exchange:moderation", held.group.slug)}
    person = moderator(inbound, parsed, held.group, mailed_to, f"held message {held.pk}",
                       queue)
    if held.status != HeldStatus.WAITING:
        raise Refused(already(held), f"held message {held.pk} was {held.status} already",
                      **queue)
    word, rest = decision_of(parsed.new_text)
    words = {"words": decision_words(translation.get_language() or ""),
             "example_reason": EXAMPLE_REASON, **queue}
    if not word:
        raise Refused(_("The first line of your reply was not understood, so nothing was "
                        "done."), f"held message {held.pk}: not understood", **words)
    if word == REJECT and not rest:
        raise Refused(_("Say on the same line why the message is not posted: the sender is "
                        "told your reason. Nothing was done yet: reply to the notice again."),
                      f"held message {held.pk}: reject without a reason", **words)
    try:
        outcome = _carry_out(held, person, word, rest[:REASON_LONGEST])
    except moderation.AlreadyDecided as decided:
        raise Refused(already(decided.held), f"held message {held.pk} decided meanwhile",
                      **queue) from None
    return outcome, f"held message {held.pk}: {word} ({person.name})", queue


def moderator(inbound: InboundMessage, parsed: ParsedMessage, group: Group, mailed_to: int,
              about: str, queue: dict[str, Any]) -> Person:
    """The person deciding, if they may (see the module's docstring); Refused otherwise, and
    then the answer names neither the message nor the group."""
    person = current_holder(parsed.from_address)
    membership = membership_of(group, person)
    if person is None or membership is None or not membership.moderates:
        raise Refused(_("Learnlink does not know %(address)s as the address of a moderator "
                        "of this group, so nothing was done.")
                      % {"address": parsed.from_address},
                      f"not a moderator of {group.slug} ({about})")
    verdict = inbound_verdict(inbound, parsed.from_address)
    if person.pk != mailed_to and not verdict.authenticated:
        raise Refused(_("This notice was mailed to another moderator. Reply to the notice "
                        "Learnlink sent you, or decide in the queue on the web."),
                      f"another moderator's notice, sender {verdict}", **queue)
    return person


def _carry_out(held: HeldMessage, person: Person, word: str, reason: str) -> str:
    """Decide through the queue's own functions (`word` is APPROVE, ADD, BAN or else REJECT);
    what the moderator is told."""
    values = {"subject": held.subject or "-", "sender": held.sender_address}
    if word == APPROVE:
        moderation.approve(held, person)
        return approved(values)
    if word == ADD:
        moderation.approve_and_add(held, person)
        return _("Approved: “%(subject)s” from %(sender)s is in the archive and on its way to "
                 "the members, and %(sender)s is a member now.") % values
    if word == BAN:
        moderation.ban(held, person)
        return _("Banned: “%(subject)s” is not posted, and every later message from "
                 "%(sender)s to this group will be turned away.") % values
    moderation.reject(held, person, reason)
    return _("Rejected: “%(subject)s” is not posted, and %(sender)s is told your reason: "
             "%(reason)s") % {**values, "reason": reason}


def approved(values: dict[str, str]) -> str:
    return _("Approved: “%(subject)s” from %(sender)s is in the archive and on its way to the "
             "members.") % values


def _answer(parsed: ParsedMessage, language: str, context: dict[str, Any]) -> None:
    """From our notices' address (a reply to it is answered, not bounced), as an automatic
    reply to the moderator's mail, so no robot answers it back."""
    emails.send(ANSWER, parsed.from_address, context, language,
                headers={"In-Reply-To": f"<{parsed.message_id}>",
                         "Auto-Submitted": "auto-replied"})

