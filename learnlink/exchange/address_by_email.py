"""`address new@example.org` to SLUG-request@: a person changes their address by mail alone,
by the same rule as on the web (people.address_changes.ask_for_address): the new address gets
a link that makes the change, and the old one is told now (this answer) and again once it is
made, with a link that undoes it.

A From header can be forged, and here whoever forges it picks the new address and so reads the
link: unlike a change of delivery, which the member's own mailbox confirms, a change of address
is started by mail only when our MTA verified the sender's domain. Anyone else is told why
nothing changed, and where to do it signed in.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from learnlink.exchange.models import Group
from learnlink.exchange.subscriptions import tell
from learnlink.lib.links import absolute_url
from learnlink.mail.authentication import Verdict
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.address_changes import AddressTaken, ask_for_address
from learnlink.people.addresses import current_holder
from learnlink.people.person_language import language_for_address

_ADDRESS = re.compile(r"[^\s<>@\"',;:()]+@[^\s<>@\"',;:()]+")


def new_address_in(parsed: ParsedMessage) -> str:
    """The first valid address written in the subject or the first line of the body; ''."""
    for found in _ADDRESS.findall(f"{parsed.subject} {parsed.first_line}"):
        address = found.rstrip(".")
        try:
            validate_email(address)
        except ValidationError:
            continue
        return address
    return ""


def address_command(group: Group, parsed: ParsedMessage, verdict: Verdict) -> str:
    """Start the change the sender asked for, or tell them why not (in their language: the
    answer is theirs); returns what was done."""
    sender = parsed.from_address
    language = language_for_address(sender, group.language)
    with translation.override(language):
        outcome, done = _outcome(group, parsed, verdict, language)
    tell(group, sender, "command_reply", {"outcome": outcome})
    return done


def _outcome(group: Group, parsed: ParsedMessage, verdict: Verdict,
             language: str) -> tuple[str, str]:
    sender = parsed.from_address
    person, new = current_holder(sender), new_address_in(parsed)
    outcome, done = _refusal(person is not None, verdict, new, sender)
    if person is not None and not outcome:
        try:
            ask_for_address(person, new, language)
        except AddressTaken:
            outcome, done = _("This address is already used by someone else in Learnlink, so "
                              "nothing was changed: ask your group's mentor."), "address taken"
        else:
            outcome, done = _(
                "A link is on its way to %(address)s: open it there and your mail goes to that "
                "address from then on. Until then nothing changes; once it is done, this "
                "address is told again, with a link to undo it.") % {"address": new}, \
                f"asked {new} to confirm"
    return outcome, done


def _refusal(known: bool, verdict: Verdict, new: str, sender: str) -> tuple[str, str]:
    """Why the change cannot start (for the sender, and for the inbound's record); empty
    when it can."""
    if not known:
        return _("This address is not known to Learnlink, so there is no address to change. "
                 "Write from the address you receive the group's mail at."), "unknown sender"
    if not verdict.authenticated:
        return _("We could not verify that this email really came from your address, so "
                 "nothing was changed. Sign in and change your address at %(link)s.") % {
            "link": absolute_url("change_address")}, "not verified"
    if not new or new.lower() == sender.lower():
        return _("Write the new address after the word: address new@example.org"), \
            "no new address"
    return "", ""
