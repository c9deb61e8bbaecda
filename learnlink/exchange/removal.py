"""Taking messages out of the archive by hand (the admin's delete).

A message removed for what it said must be gone everywhere at once: from its thread's pages,
which are cached for an hour, from search, which would still count it, and from its thread's
count and dates. Its replies stay in the thread, shown from where the tree breaks.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Max, Min, Q, QuerySet

from learnlink.exchange.display import forget_thread_html
from learnlink.exchange.models import Message, Thread
from learnlink.search.engine import remove_documents

_REAL = Q(messages__is_placeholder=False)


def remove_messages(messages: QuerySet[Message]) -> int:
    """Delete `messages` and mend what they leave; how many were deleted."""
    with transaction.atomic():
        doomed = list(messages.values_list("pk", "thread_id"))
        thread_pks = {thread_pk for _pk, thread_pk in doomed}
        forget_thread_html(Thread.objects.filter(pk__in=thread_pks))
        remove_documents(pk for pk, _thread in doomed)
        Message.objects.filter(pk__in=[pk for pk, _thread in doomed]).delete()
        _count_again(Thread.objects.filter(pk__in=thread_pks))
    return len(doomed)


def _count_again(threads: QuerySet[Thread]) -> None:
    """Each thread's count and dates from the messages it still holds; a thread left without
    any real message goes, with its placeholders."""
    counted = threads.annotate(real=Count("messages", filter=_REAL),
                               first=Min("messages__date", filter=_REAL),
                               last=Max("messages__date", filter=_REAL))
    for thread in counted:
        if not thread.real:
            thread.delete()
            continue
        thread.message_count, thread.started, thread.last_activity = (
            thread.real, thread.first, thread.last)
        thread.month = Thread.month_of(thread.first)
        thread.save(update_fields=["message_count", "started", "last_activity", "month"])

