"""The mentors' block under a thread's messages: what each message of the page is, with a
button per label to set or take it off and one to confirm them, all in one small form.

The thread's articles are cached once for every reader, so the controls cannot live inside
them; the block, rendered per reader, shows only to those who may correct (nothing for anyone
else: readers see no labels, since the labeller's guesses are a mentor's working material, not
something to show a learner about their own post). Its buttons weigh about 10 KB for a page of
20 messages, which a page of long messages cannot afford on a phone, so a mentor first sees one
line and a link that opens them (`?labels=1`); from then on each correction is one click and
comes back to the open block. It lists the messages of the page the reader is on, in the page's
order, reading the same cached pages as the thread view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from learnlink.drafting.labels import LABELS
from learnlink.exchange.display import thread_pages
from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.permissions import can_see_source
from learnlink.exchange.thread_blocks import Block
from learnlink.mentoring.labels.corrections import CONFIRM
from learnlink.mentoring.labels.labelling import current_labeller, replies_to_question
from learnlink.mentoring.permissions import can_label

NAMES: dict[str, str | Promise] = {
    "information": _("information"), "plan": _("plan"), "achievement": _("achievement"),
    "question": _("question"), "answer": _("answer")}
"""The labels as a mentor reads them, in their language."""

_READ = ("pk", "text", "sender_name", "sender_address", "sender_id", "sender__name", "parent_id",
         "parent__text", "parent__sender_id", "parent__sender_address", "parent__is_placeholder",
         "labels__information", "labels__plan", "labels__achievement", "labels__question",
         "labels__answer", "labels__corrected")


OPEN = "labels"
"""The query parameter that opens the block."""


@dataclass(frozen=True)
class Choice:
    value: str  # "<message pk> <label>", what the button sends
    name: str | Promise
    on: bool


@dataclass(frozen=True)
class Row:
    pk: int
    sender: str
    choices: list[Choice]
    corrected: bool


def context(request: HttpRequest, group: Group, thread: Thread) -> dict[str, Any] | None:
    if not can_label(request.user, group):
        return None
    pages = thread_pages(group, thread, can_see_source(request.user, group))
    number = Paginator(pages.pages, 1).get_page(request.GET.get("page")).number
    if request.GET.get(OPEN) != "1":
        return {"closed": True, "page": number}
    order = [pk for pk, page in pages.page_of.items() if page == number]
    found = {m.pk: m for m in Message.objects.filter(pk__in=order, is_placeholder=False)
             .select_related("labels", "sender", "parent").only(*_READ)}
    messages = [found[pk] for pk in order if pk in found]
    return {"rows": _rows(messages, group), "page": number, "confirm": CONFIRM}


def _rows(messages: list[Message], group: Group) -> list[Row]:
    """Each message with its labels; one the worker has not labelled yet shows what the current
    labeller would say (saved when a mentor clicks)."""
    waiting = [m for m in messages if not hasattr(m, "labels")]
    guessed = {}
    if waiting:
        labeller, replies = current_labeller(), replies_to_question(waiting)
        guessed = {m.pk: labeller.labels(m.text, replies[m.pk]) for m in waiting}
    rows = []
    for message in messages:
        saved = getattr(message, "labels", None)
        on = saved.labels() if saved is not None else guessed[message.pk]
        rows.append(Row(message.pk, message.sender_label(group.name), [
            Choice(f"{message.pk} {label}", NAMES[label], label in on) for label in LABELS],
            corrected=saved is not None and saved.corrected is not None))
    return rows


BLOCK = Block("mentoring.labels", "mentoring/labels/block.html", context, place="bottom")
