"""Mail to a write-up's reply address: the learner's (or the mentor's) answer becomes a comment
on the draft, and "I approve" from the learner approves it.

Only mail from an address the directory knows as the learner's or the mentor's is taken (the
address alone proves little, but it comes with the reply address's signed token, which only
they were sent); anything else is quarantined with the reason, as is mail for an unknown,
forged or expired reply address, an automatic reply, and mail with no words of its own. What
the sender quoted and their signature are cut, as the archive cuts them. Each address and
envelope sender may send a limited number of replies an hour ("writeup-reply"): each may tell
the mentor by mail. The inbound row ends done, quarantined or rejected with what was done, and
with what our MTA said of the sender's domain.
"""

from __future__ import annotations

from learnlink.mail.authentication import inbound_verdict
from learnlink.mail.inbox import finish, quarantine, request_within_limit
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.routing import split_address
from learnlink.mentoring.models import WriteUp
from learnlink.mentoring.writeups import actions
from learnlink.mentoring.writeups.approval import Decision, decision
from learnlink.mentoring.writeups.reply_address import BadAddress, writeup_for
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Person

# A comment is a few lines; a reply that pastes a whole report is kept (its raw mail is) but
# its comment holds this much of it, so the write-up's page stays light.
MOST_CHARACTERS = 4000


def take_reply(inbound: InboundMessage) -> None:
    parsed = request_within_limit(inbound, "writeup-reply")
    if parsed is None:
        return
    try:
        writeup = writeup_for(split_address(inbound.recipient)[0])
    except BadAddress as error:
        quarantine(inbound, f"from {parsed.from_address}: {error}")
        return
    sender = _learner_or_mentor(writeup, parsed.from_address)
    if sender is None:
        quarantine(inbound, f"from {parsed.from_address}: not an address of the learner or "
                            f"the mentor of write-up {writeup.pk}")
        return
    text = parsed.new_text.strip()[:MOST_CHARACTERS]
    if not text:
        quarantine(inbound, f"from {parsed.from_address}: no words of its own to add to "
                            f"write-up {writeup.pk}")
        return
    verdict = inbound_verdict(inbound, parsed.from_address)
    approval = decision(text) if sender.pk == writeup.learner_id else None
    approved = actions.reply(writeup, text, actions.Actor.by_email(sender), inbound, approval,
                             note=f"by email, {verdict}")
    done = f"from {parsed.from_address}: comment added to write-up {writeup.pk}"
    finish(inbound, State.DONE, f"{done}{_what_approval_did(approval, approved)} ({verdict})")


def _learner_or_mentor(writeup: WriteUp, address: str) -> Person | None:
    """The learner or the mentor, if `address` is (or was) one of theirs."""
    person = person_for_address(address)
    mentor = getattr(writeup.mentor, "person", None) if writeup.mentor else None
    if person is not None and person.pk in {writeup.learner_id, mentor.pk if mentor else None}:
        return person
    return None


def _what_approval_did(approval: Decision | None, approved: bool | None) -> str:
    if approval is None:
        return ""
    if approved is None:
        return "; not approved: the mentor is changing the draft"
    consent = {True: ", may be published", False: ", not to be published", None: ""}
    return ("; approved" if approved else "; already approved") + consent[approval.publish]
