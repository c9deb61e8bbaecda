"""Email commands: `SLUG+subscribe@`, `SLUG+digest@` and the others, the same word as the
subject or first body line of a mail to `SLUG-request@` (Mailman's convention), Mailman's own
`SLUG-join@` and `SLUG-leave@` (people already know them; whatever they hold, they join or
leave, with the same confirmation; to a members-only group a join is a request its mentors
decide, and the mail's words are the asker's to them), or a bare "unsubscribe" sent to the
group itself (see command_words).

Everything a member does on their web page can be done this way, for those who only have email.
Every command is answered; auto-replies are quarantined unanswered, so two robots never talk.
A From header can be forged, so a command that changes a membership takes effect at once only
when our MTA verified the sender's domain (mail.authentication); otherwise the member confirms
from their own mailbox first, as Mailman asks. Each address and envelope sender may send a
limited number of commands an hour; past it, one notice, then silence.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from learnlink.exchange.address_by_email import address_command
from learnlink.exchange.command_words import (
    ADDRESS,
    CONFIRM,
    FOLLOW,
    HELP,
    JOIN,
    LANGUAGE,
    LEAVE,
    MODES,
    MUTE,
    RESTART,
    SUFFIXES,
    TEXT_FORMATS,
    WORDS,
    written_command,
)
from learnlink.exchange.join_requests import confirmed
from learnlink.exchange.membership import membership_of
from learnlink.exchange.models import Group, Membership, PendingChange
from learnlink.exchange.mute_by_email import thread_command
from learnlink.exchange.person_by_email import language_command, restart_command
from learnlink.exchange.subscriptions import (
    ask_to_confirm_change,
    carry_out,
    pending,
    pending_change,
    request_to_join,
    tell,
)
from learnlink.lib.limits import Limit
from learnlink.mail.authentication import Verdict, inbound_verdict
from learnlink.mail.inbox import finish, quarantine, request_to_answer
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.mail.routing import split_address
from learnlink.people.addresses import current_holder


def parse_address(local: str) -> tuple[str, str] | None:
    """(group slug, command or '' for SLUG-request) when `local` is a command address."""
    slug, plus, command = local.partition("+")
    if plus and (command in WORDS or command.startswith(f"{CONFIRM}+")):
        return slug, command
    for suffix, word in SUFFIXES.items():
        if local.endswith(suffix):
            return local.removesuffix(suffix), word
    return None


def is_command_address(local: str, _domain: str) -> bool:
    found = parse_address(local)
    return found is not None and Group.objects.filter(slug=found[0]).exists()


def process(inbound: InboundMessage) -> None:
    local, _domain = split_address(inbound.recipient)
    slug, command = parse_address(local) or ("", "")
    group = Group.objects.get(slug=slug)
    parsed = request_to_answer(inbound)
    if parsed is None:
        return
    answer(inbound, group, command or written_command(parsed), parsed)


def answer(inbound: InboundMessage, group: Group, command: str, parsed: ParsedMessage,
           note: str | Promise = "") -> None:
    """Carry out `command` for the sender of `inbound`, within the limit, and record on the
    inbound row what was done and how the sender was judged."""
    sender = parsed.from_address
    if not sender:
        quarantine(inbound, "no sender to answer")
        return
    limit = Limit.named("command")
    over = limit.count(sender, inbound.envelope_from)
    if over:
        if over == 1:
            tell(group, sender, "command_reply", {"outcome": _(
                "You sent many requests in a short time: the next ones in the coming "
                "%(minutes)s minutes will not be answered.") % {"minutes": limit.minutes}})
        finish(inbound, State.REJECTED, f"command {command or '(none)'} from {sender}: over "
                                        f"the limit of {limit.per_address} an hour")
        return
    verdict = inbound_verdict(inbound, sender)
    done = execute(group, command, parsed, verdict, note)
    finish(inbound, State.DONE, f"command {command or '(none)'} from {sender}: {done} "
                                f"({verdict})")


def execute(group: Group, command: str, parsed: ParsedMessage, verdict: Verdict,
            note: str | Promise = "") -> str:
    """Carry out one command for the sender and answer them; returns what was done."""
    sender = parsed.from_address
    membership = membership_of(group, current_holder(sender))
    if command.startswith(f"{CONFIRM}+"):
        return _confirm(group, command.partition("+")[2], sender)
    if command in JOIN:  # to a members-only group, the mail's words go to its mentors
        words = parsed.new_text.strip() or parsed.subject.strip()
        asked = request_to_join(group, sender, parsed.from_name, words)
        return "asked to confirm" if asked else "already a member"
    if command in LEAVE or command in MODES or command in TEXT_FORMATS:
        return _for_member(group, command, membership, sender, verdict)
    if command == ADDRESS:
        return address_command(group, parsed, verdict)
    if command == LANGUAGE:
        return language_command(group, parsed)
    if command == RESTART:
        return restart_command(group, parsed, verdict)
    if command in (MUTE, FOLLOW):
        return thread_command(group, command, parsed, membership, verdict)
    tell(group, sender, "command_reply", {
        "outcome": note if command == HELP else _("The command was not understood.")})
    return "help sent"


def _confirm(group: Group, token: str, sender: str) -> str:
    request = pending(token)
    if request is not None and request.group_id == group.pk:
        return confirmed(request)
    change = pending_change(token)
    if change is not None and change.membership.group_id == group.pk:
        return f"confirmed: {carry_out(change)}"
    tell(group, sender, "command_reply", {"outcome": _(
        "This confirmation has expired or was already used, so nothing was changed. Send "
        "your request again if you still want it.")})
    return "unknown or expired confirmation"


def _for_member(group: Group, command: str, membership: Membership | None, sender: str,
                verdict: Verdict) -> str:
    if membership is None:
        tell(group, sender, "command_reply", {"outcome": _(
            "This address is not a member of the group, so nothing was changed.")})
        return "not a member"
    if membership.person_id is None:
        tell(group, sender, "command_reply", {"outcome": _(
            "You receive the group's mail as a member of an organisation: its mentor can "
            "change how it is delivered.")})
        return "organisation member: nothing changed"
    change = PendingChange(membership=membership, address=sender,
                           change=PendingChange.LEAVE if command in LEAVE
                           else MODES.get(command, command))
    if not verdict.authenticated:
        ask_to_confirm_change(change)
        return f"asked {sender} to confirm {change.change}"
    return carry_out(change)
