"""The dashboard's row for syntheses: long threads (LONG_THREAD messages or more) that no
published synthesis covers yet, the most recently active first, each with "Synthesise"."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learnlink.exchange.models import Group, Thread
from learnlink.mentoring.concerns import Concern, Row
from learnlink.mentoring.models.syntheses import unsynthesised

LONG_THREAD = 8


def long_threads(groups: QuerySet[Group], now: datetime.datetime) -> QuerySet[Thread]:
    """One query per page: the thread index by group and activity, a NOT EXISTS for the
    syntheses, and each thread's group for its link."""
    threads = Thread.objects.filter(group__in=groups, message_count__gte=LONG_THREAD)
    return unsynthesised(threads).select_related("group").order_by("-last_activity", "-pk")


def row(thread: Thread) -> Row:
    return Row(text=_("%(subject)s: %(count)d messages, no synthesis yet") % {
                   "subject": thread.subject or _("(no subject)"),
                   "count": thread.message_count},
               url=thread.get_absolute_url(), action=gettext_lazy("Synthesise"),
               action_url=reverse("mentoring:synthesis_draft", args=[thread.pk]),
               group=thread.group, when=thread.last_activity)


CONCERN = Concern(key="unsynthesised", title=gettext_lazy("Long threads with no synthesis"),
                  rows=long_threads, row=row)
