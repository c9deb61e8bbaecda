"""Muting a thread by reply: "mute" (or "follow" to take it back, in any of our languages)
sent in reply to a copy of the thread, to the group or its request address. The thread is the
one the mail replies to (In-Reply-To, then References). A From header can be forged, so as
for the other commands the change is made at once only when our MTA verified the sender;
otherwise the member gets the thread's mute link at their own address, where a button does it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from learnlink.exchange.command_words import MUTE
from learnlink.exchange.models import Group, Membership, Message, Thread
from learnlink.exchange.muting import follow, mute, mute_token, mute_url
from learnlink.exchange.subscriptions import tell
from learnlink.lib.lazy_text import filled
from learnlink.mail.authentication import Verdict
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.addresses import current_holder


def replied_thread(group: Group, parsed: ParsedMessage) -> Thread | None:
    """The group's thread of the message `parsed` answers, the nearest reference first."""
    for reference in [parsed.in_reply_to, *reversed(parsed.references)]:
        found = (Message.objects.filter(group=group, message_id=reference)
                 .select_related("thread").first() if reference else None)
        if found is not None:
            return found.thread
    return None


def thread_command(group: Group, command: str, parsed: ParsedMessage,
                   membership: Membership | None, verdict: Verdict) -> str:
    """Mute or follow the replied thread for the sender; returns what was done."""
    sender = parsed.from_address
    person = current_holder(sender)
    if membership is None or person is None:
        tell(group, sender, "command_reply", {"outcome": _(
            "This address is not a member of the group, so nothing was changed.")})
        return "not a member"
    thread = replied_thread(group, parsed)
    if thread is None:
        tell(group, sender, "command_reply", {"outcome": _(
            "Send this word in a reply to a message of the thread, so that we know which "
            "thread you mean. Nothing was changed.")})
        return f"{command}: no thread replied to"
    link = mute_url(mute_token(person.pk, thread.pk))
    if not verdict.authenticated:
        tell(group, sender, "command_reply", {"outcome": filled(_(
            "To mute or follow the thread “%(subject)s”, open this link and press the "
            "button: %(link)s"), {"subject": thread.subject, "link": link})})
        return f"sent the {command} link for thread {thread.pk}"
    if command == MUTE:
        mute(person, thread)
        outcome = _("You will receive nothing more from the thread “%(subject)s”, by message "
                    "or in digests. To follow it again: %(link)s")
    else:
        follow(person, thread)
        outcome = _("You follow the thread “%(subject)s” again. To mute it: %(link)s")
    tell(group, sender, "command_reply", {"outcome": filled(outcome, {
        "subject": thread.subject, "link": link})})
    return f"{'muted' if command == MUTE else 'followed'} thread {thread.pk}"
