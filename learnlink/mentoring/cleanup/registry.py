"""What thread clean-up shows and does on other pages, registered from MentoringConfig.ready():
the mentors' tools on a thread page and on each of its messages, the dashboard's row of
threading suggestions waiting, and the suggestions made as messages are archived."""

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
from learnlink.mentoring.models import CleanupEntry

SHOWN_SUGGESTIONS = 5  # on a thread page: the rest are on the dashboard


def register_cleanup() -> None:
    on_archive.register("cleanup-suggestions", suggest_on_archive)
    message_tools.register(message_tools.Tool(
        "cleanup", _("Clean up"),
        lambda group, message: reverse("mentoring:cleanup:message", args=[message.pk])))
    thread_blocks.register(thread_blocks.Block(
        "cleanup", "mentoring/cleanup/thread_block.html", _tools_block, place="bottom"))
    concerns.register(concerns.Concern("threading-suggestions", _("Threading suggestions"),
                                       waiting_suggestions, suggestion_row))


def _tools_block(request: HttpRequest, group: Group, thread: Thread) -> dict[str, Any] | None:
    """For the group's mentors: links to the clean-up and its log, and the suggestions of this
    thread (its messages suggested elsewhere, others' suggested here) with one-click answers."""
    if not can_moderate(request.user, group):
        return None
    suggestions = (Message.objects.filter(thread=thread, suggested_thread__isnull=False)
                   | Message.objects.filter(suggested_thread=thread))
    shown = (suggestions.filter(is_placeholder=False)
             .select_related("group", "thread", "suggested_thread", "sender")
             .order_by("date", "pk")[:SHOWN_SUGGESTIONS])
    return {"suggestions": [(message, describe(message)) for message in shown],
            "logged": CleanupEntry.objects.of_thread(thread.pk).exists()}


def waiting_suggestions(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[Message]:
    """Messages a thread is suggested for, newest first: few, read through the partial index
    of suggestions (message_group_suggested)."""
    return (Message.objects.filter(group__in=groups, suggested_thread__isnull=False,
                                   is_placeholder=False)
            .select_related("group", "thread", "suggested_thread", "sender")
            .order_by("-date", "-pk"))


def describe(message: Message) -> str:
    """What a suggestion proposes, in the reader's language."""
    suggested = message.suggested_thread
    if suggested is None:
        return ""
    if suggested.pk == message.thread_id:
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
