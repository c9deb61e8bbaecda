"""The answer every reply to the alliance's mail gets, from whatever it asked: in the sender's
language, marked as an automatic reply to their message, so no robot answers it back."""

from __future__ import annotations

from typing import Any

from learnlink.lib import emails
from learnlink.mail.inbox import quarantine
from learnlink.mail.models import InboundMessage
from learnlink.mail.parsing import ParsedMessage

REFUSED = "alliance.reply_refused"


def answer(parsed: ParsedMessage, kind: str, language: str, context: dict[str, Any]) -> None:
    emails.send(kind, parsed.from_address, context, language,
                headers={"In-Reply-To": f"<{parsed.message_id}>",
                         "Auto-Submitted": "auto-replied"})


def refuse(inbound: InboundMessage, parsed: ParsedMessage, language: str, reason: str,
           record: str, link: str = "") -> None:
    """Tell the sender why nothing was done, and set the mail aside for a person to see."""
    answer(parsed, REFUSED, language, {"reason": reason, "link": link})
    quarantine(inbound, f"from {parsed.from_address}: {record}")
