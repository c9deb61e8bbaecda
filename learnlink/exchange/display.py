"""How a message is shown on a page: its text, its date, its reply link.

Done in Python rather than with template filters because a thread page shows a hundred
messages, and the filters' generality (any format, any value) costs more than the page's
queries."""

from __future__ import annotations

import datetime
import re
from urllib.parse import quote

from django.utils import timezone
from django.utils.dates import MONTHS_3

from learnlink.exchange.models import Message, Thread

WRAPPED = 60  # a line this long that goes on in the next line was wrapped by a mail program

# A long line, then a line that continues the sentence: not blank, not indented, not a quote,
# not a list item ("- ", "* ", "• ", "1. ", "2) ").
_WRAP = re.compile(rf"(?m)^([^\n]{{{WRAPPED},}})\n(?=[^\s>*•\-])(?!\d+[.)]\s)")


def reflow(text: str) -> str:
    """Join the lines a mail program hard-wrapped at about 72 characters, so a paragraph fills
    a phone's screen instead of breaking in odd places. Short lines, blank lines, list items
    and quotes keep their breaks: those were meant."""
    return _WRAP.sub(r"\1 ", text)


def short_datetime(moment: datetime.datetime | None) -> str:
    """"7 Mar 2005 12:30" in local time, month in the reader's language (as |date:"j M Y H:i")."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{local.day} {short_month(local)} {local:%H:%M}"


def short_month(day: datetime.date) -> str:
    """"Mar 2005", the month in the reader's language (as |date:"M Y")."""
    return f"{str(MONTHS_3[day.month]).title()} {day.year}"


def reply_link(thread: Thread, message: Message) -> str:
    """A mailto that answers this message: the group's address, its subject, its Message-ID
    as In-Reply-To so the answer lands under it in the thread."""
    subject = quote(message.subject or thread.subject, safe="")
    return (f"mailto:{thread.group.address}?subject={subject}"
            f"&In-Reply-To={quote(message.message_id, safe='')}")
