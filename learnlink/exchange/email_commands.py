"""Email commands: `SLUG+subscribe@`, `SLUG+digest@` and the others, or the same word as the
subject or first body line of a mail to `SLUG-request@` (Mailman's convention).

Everything a member does on their web page can be done this way, for those who only have email.
Every command is answered; auto-replies are quarantined unanswered, so two robots never talk.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from learnlink.exchange.membership import membership_of
from learnlink.exchange.models import DeliveryMode, Group, Membership
from learnlink.exchange.posting import author_of
from learnlink.exchange.subscriptions import (
    ask_to_join,
    change_mode,
    confirm_join,
    leave,
    pending,
    tell,
)
from learnlink.mail.inbox import finish, request_to_answer
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.mail.routing import split_address

MODES = {"each": DeliveryMode.EACH, "digest": DeliveryMode.DAILY, "daily": DeliveryMode.DAILY,
         "weekly": DeliveryMode.WEEKLY, "monthly": DeliveryMode.MONTHLY,
         "nomail": DeliveryMode.NONE}
JOIN, LEAVE, HELP, CONFIRM = ("subscribe", "join"), ("unsubscribe", "leave"), "help", "confirm"
WORDS = {*MODES, *JOIN, *LEAVE, HELP}


def parse_address(local: str) -> tuple[str, str] | None:
    """(group slug, command or '' for SLUG-request) when `local` is a command address."""
    slug, plus, command = local.partition("+")
    if plus and (command in WORDS or command.startswith(f"{CONFIRM}+")):
        return slug, command
    if local.endswith("-request"):
        return local.removesuffix("-request"), ""
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
    command = command or _written_command(parsed)
    done = execute(group, command, parsed)
    finish(inbound, State.DONE, f"command {command or '(none)'} from {parsed.from_address}: "
                                f"{done}")


def _written_command(parsed: ParsedMessage) -> str:
    """The command that is the first word of the subject or of the body's first line; '' means
    help. Later lines are never read: "Each of us..." in a letter is not a command."""
    first_line = next((line for line in parsed.new_text.splitlines() if line.strip()), "")
    for line in (parsed.subject, first_line):
        words = line.strip().lower().split()
        if words and words[0] in WORDS:
            return words[0]
    return ""


def execute(group: Group, command: str, parsed: ParsedMessage) -> str:
    """Carry out one command for the sender and answer them; returns what was done."""
    sender = parsed.from_address
    membership = membership_of(group, author_of(parsed))
    if command.startswith(f"{CONFIRM}+"):
        return _confirm(group, command.partition("+")[2], sender)
    if command in JOIN:
        if membership is not None:
            tell(group, sender, "command_reply", {"outcome": _("You are already a member.")})
            return "already a member"
        ask_to_join(group, sender, parsed.from_name)
        return "asked to confirm"
    if command in LEAVE or command in MODES:
        return _for_member(group, command, membership, sender)
    tell(group, sender, "command_reply", {
        "outcome": "" if command == HELP else _("The command was not understood.")})
    return "help sent"


def _confirm(group: Group, token: str, sender: str) -> str:
    request = pending(token)
    if request is None or request.group_id != group.pk:
        tell(group, sender, "command_reply", {"outcome": _(
            "This confirmation has expired or was already used. Write to the subscribe "
            "address again if you still want to join.")})
        return "unknown or expired confirmation"
    confirm_join(request)
    return "joined"


def _for_member(group: Group, command: str, membership: Membership | None, sender: str) -> str:
    if membership is None:
        tell(group, sender, "command_reply", {"outcome": _(
            "This address is not a member of the group, so nothing was changed.")})
        return "not a member"
    if membership.person_id is None:
        tell(group, sender, "command_reply", {"outcome": _(
            "You receive the group's mail as a member of an organisation: its mentor can "
            "change how it is delivered.")})
        return "organisation member: nothing changed"
    if command in LEAVE:
        leave(membership, sender)
        return "left the group"
    change_mode(membership, MODES[command], sender)
    return f"delivery changed to {MODES[command]}"
