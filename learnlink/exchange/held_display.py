"""The moderation queue as a moderator reads it on a phone: each held message's own text, its
first lines shown and the rest folded (<details>, no JavaScript), and its own reject form.

The text is read from the stored bytes each time (the queue is short and paged): nothing about
a held message is derived and kept before a moderator decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from learnlink.exchange.forms import RejectForm
from learnlink.exchange.models import HeldMessage, HeldStatus
from learnlink.mail.parsing import ParseError, parse

HEAD_LINES = 4  # what shows before unfolding: enough to judge most messages
HEAD_CHARS = 320  # ... unless the first lines are one long paragraph
SHOWN = 2_500  # the queue shows at most this much of one message: ten fit in a light page


@dataclass(frozen=True)
class HeldItem:
    held: HeldMessage
    head: str
    rest: str
    cut: bool
    reject_form: RejectForm


def held_items(waiting: Iterable[HeldMessage], form: RejectForm | None = None,
               ) -> list[HeldItem]:
    """Each message with its folded text; `form` is a reject form that came back invalid."""
    items = []
    for held in waiting:
        text = held_text(held)
        head, rest = fold(text[:SHOWN])
        items.append(HeldItem(held, head, rest, len(text) > SHOWN,
                              form or RejectForm(auto_id=f"id_%s_{held.pk}")))
    return items


def held_text(held: HeldMessage) -> str:
    """The message's own words as plain text (an HTML mail's text, never its markup)."""
    try:
        return parse(bytes(held.inbound.raw)).text.strip()
    except ParseError as error:
        return _("This message cannot be read as an email: %(error)s") % {"error": error}


def fold(text: str) -> tuple[str, str]:
    """(the first lines, the rest), cut at a line end, or at a space in a long paragraph."""
    end = 0
    for _line in range(HEAD_LINES):
        newline = text.find("\n", end)
        end = len(text) if newline == -1 else newline + 1
        if newline == -1:
            break
    if end > HEAD_CHARS:
        space = text.rfind(" ", 0, HEAD_CHARS)
        end = space if space > 0 else HEAD_CHARS
    return text[:end].rstrip(), text[end:].strip()


def already(held: HeldMessage) -> str:
    """Who decided, and when, in the answer's language."""
    return _("This message was already %(decision)s by %(name)s on %(day)s, so nothing was "
             "changed.") % {"decision": HeldStatus(held.status).label,
                            "name": held.decider or _("a moderator"),
                            "day": formats.date_format(timezone.localtime(held.decided),
                                                       "DATE_FORMAT")}
