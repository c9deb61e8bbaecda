"""From the archive to the drafter and back: the messages of the threads a synthesis covers, as
the drafter reads them (each message's new text: quotes and signature were taken off when it
was archived), and the draft it gives.

The drafter (`learnlink.drafting`) is pure text; this is the one place that reads the archive
for it, so the page, the API and the demo draft exactly the same posts.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.db.models import QuerySet

from learnlink.drafting.drafts import Draft, Post
from learnlink.drafting.synthesis import endpoint, synthesise
from learnlink.exchange.models import Group, Message, Thread
from learnlink.mentoring.models import Synthesis

# A synthesis of a busy month reads at most this many messages, the latest: the drafter stays
# under a second for a few hundred, and a mentor synthesising more would not read them either.
MOST_MESSAGES = 300

_COLUMNS = ("message_id", "thread_id", "date", "text", "quoted", "sender_name",
            "sender__name", "parent__message_id")


def messages_of(threads: Sequence[Thread]) -> QuerySet[Message]:
    """The real messages of `threads` as the drafter needs them, in the order they were posted:
    placeholders are no one's words, and a synthesis sent to the group is not the group's."""
    sent = Synthesis.objects.filter(sent_as__isnull=False).values("sent_as_id")
    return (Message.objects.filter(thread__in=threads, is_placeholder=False)
            .exclude(pk__in=sent).select_related("sender", "parent").only(*_COLUMNS)
            .order_by("date", "pk"))


def posts_of(threads: Sequence[Thread]) -> list[Post]:
    """The latest MOST_MESSAGES messages of `threads`, oldest first, as Posts. The author is the
    name readers see (never an address); the thread keeps each thread's answers apart."""
    latest = list(messages_of(threads).order_by("-date", "-pk")[:MOST_MESSAGES])
    return [Post(message_id=message.message_id, author=message.author_name() or "?",
                 text=message.text, date=message.date, thread=str(message.thread_id),
                 in_reply_to=message.parent.message_id if message.parent else "",
                 quoted=message.quoted)
            for message in reversed(latest)]


def draft(threads: Sequence[Thread]) -> Draft:
    """The draft of `threads`: from the language model at LLM_URL when one is set and answers
    in time with a usable draft, else the embedded extractive drafter. An empty Draft when the
    threads hold no text at all; never an error."""
    return synthesise(posts_of(threads), endpoint(settings.LLM_URL, settings.LLM_TIMEOUT))


def threads_of_month(group: Group, month: datetime.date) -> list[Thread]:
    """The threads a group started in `month`, oldest first."""
    return list(Thread.objects.filter(group=group, month=month).order_by("started", "pk"))
