"""What thread clean-up shows and does on other pages, registered from MentoringConfig.ready():
the mentors' tools on a thread page and on each of its messages, the dashboard's rows of
threading suggestions waiting (a thread suggested for a message; a thread to split where a
message changed the subject), and the suggestions made as messages are archived."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learnlink.exchange import message_tools, on_archive, thread_blocks
from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.permissions import can_moderate
from learnlink.mentoring import concerns
from learnlink.mentoring.cleanup.suggestions import suggest_on_archive
from learnlink.mentoring.models import CleanupEntry, SplitSuggestion

SHOWN_SUGGESTIONS = 5  # of each kind on a thread page: the rest are on the dashboard
_SHOWN = ("group", "thread", "suggested_thread", "sender")


def register_cleanup() -> None:
    on_archive.register("cleanup-suggestions", suggest_on_archive)
    message_tools.register(message_tools.Tool(
        "cleanup", _("Clean up"),
        lambda group, message: reverse("mentoring:cleanup:message", args=[message.pk])))
    thread_blocks.register(thread_blocks.Block(
        "cleanup", "mentoring/cleanup/thread_block.html", _tools_block, place="bottom"))
    concerns.register(concerns.Concern("threading-suggestions", _("Threading suggestions"),
                                       waiting_suggestions, suggestion_row))
    concerns.register(concerns.Concern("split-suggestions", _("Subject changes to split off"),
                                       waiting_splits, split_row))


def _tools_block(request: HttpRequest, group: Group, thread: Thread) -> dict[str, Any] | None:
    """For the group's mentors: links to the clean-up and its log, and the suggestions of this
    thread (its messages suggested elsewhere or flagged to split, others' suggested here) with
    one-click answers."""
    if not can_moderate(request.user, group):
        return None
    suggested = (Message.objects.filter(thread=thread, suggested_thread__isnull=False)
                 | Message.objects.filter(suggested_thread=thread))
    splits = Message.objects.filter(thread=thread, split_suggestion__isnull=False)
    shown = [*suggested.filter(is_placeholder=False).select_related(*_SHOWN)
             .order_by("date", "pk")[:SHOWN_SUGGESTIONS],
             *splits.select_related(*_SHOWN).order_by("date", "pk")[:SHOWN_SUGGESTIONS]]
    return {"suggestions": [(message, describe(message)) for message in shown],
            "logged": CleanupEntry.objects.of_thread(thread.pk).exists()}


def waiting_suggestions(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[Message]:
    """Messages a thread is suggested for, newest first: few, read through the partial index
    of suggestions (message_group_suggested)."""
    return (Message.objects.filter(group__in=groups, suggested_thread__isnull=False,
                                   is_placeholder=False)
            .select_related(*_SHOWN).order_by("-date", "-pk"))


def waiting_splits(groups: QuerySet[Group],
                   now: datetime.datetime) -> QuerySet[SplitSuggestion]:
    """Messages that changed the subject ("was: ..."), newest first."""
    return (SplitSuggestion.objects.filter(group__in=groups)
            .select_related(*(f"message__{name}" for name in _SHOWN)).order_by("-created"))


def describe(message: Message) -> str:
    """What a suggestion proposes, in the reader's language."""
    suggested = message.suggested_thread
    if suggested is None:
        return gettext("“%(subject)s” changed the subject in “%(thread)s”: split the thread "
                       "there?") % {"subject": message.subject, "thread": message.thread.subject}
    return gettext("“%(subject)s” (%(sender)s) probably belongs to “%(thread)s”") % {
        "subject": message.subject, "sender": message.sender_label(message.group.name),
        "thread": suggested.subject}


def suggestion_row(message: Message) -> concerns.Row:
    return concerns.Row(text=describe(message), url=message.get_absolute_url(),
                        action=_("Accept or dismiss"),
                        action_url=reverse("mentoring:cleanup:message", args=[message.pk]),
                        group=message.group, when=message.date)


def split_row(split: SplitSuggestion) -> concerns.Row:
    return suggestion_row(split.message)
