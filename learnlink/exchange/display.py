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

from learnlink.exchange.models import Attachment, Message, Thread
from learnlink.exchange.threading import strip_reply_prefixes, tree

MAX_INDENT = 6  # deeper replies stay at this indent, so a phone screen keeps room for text

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


def messages_to_show(thread: Thread) -> list[dict[str, object]]:
    """The thread in tree order, each message as the page shows it: text, date, links, files.

    Plain dicts, prepared once: a template reads a dict key at once, where an attribute costs
    it a failed key lookup first, and a thread page shows a hundred messages."""
    files: dict[int, list[Attachment]] = {}
    for attachment in Attachment.objects.filter(message__thread=thread):
        files.setdefault(attachment.message_id, []).append(attachment)
    profiles: dict[int, str] = {}
    shown = []
    for item in tree(thread):
        message = item.message
        if message.sender is not None:
            profiles.setdefault(message.sender.pk, message.sender.get_absolute_url())
        shown.append({
            "pk": message.pk, "indent": min(item.depth, MAX_INDENT),
            "is_placeholder": message.is_placeholder,
            "sender_url": profiles.get(message.sender_id or 0, ""),
            "display_name": message.sender_name or (message.sender.name if message.sender else ""),
            "when": short_datetime(message.date),
            "subject": message.subject,
            "own_subject": strip_reply_prefixes(message.subject) != thread.subject,
            "text": reflow(message.text), "quoted": message.quoted,
            "files": files.get(message.pk, []),
            "reply_href": reply_link(thread, message),
        })
    return shown
