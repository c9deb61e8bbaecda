"""What write-up coaching puts on other pages: its row on the mentor dashboard, and its block
on a thread's page (the write-ups drawn from it, and for its mentors the link that starts one).
Registered from MentoringConfig.ready()."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learnlink.exchange.models import Group, Thread
from learnlink.exchange.permissions import can_moderate, person_id
from learnlink.exchange.thread_blocks import Block
from learnlink.mentoring.concerns import Concern, Row
from learnlink.mentoring.models import WriteUp

ON_THREAD = 10  # write-ups listed under one thread; more than a few would be unusual


def _waiting(groups: QuerySet[Group], _now: datetime.datetime) -> QuerySet[WriteUp]:
    return WriteUp.objects.waiting_for_mentor(groups)


def _row(writeup: WriteUp) -> Row:
    return Row(text=_("%(learner)s answered on the write-up “%(title)s”") % {
                   "learner": writeup.learner.name, "title": writeup.title},
               url=writeup.get_absolute_url(), action=gettext_lazy("Read and edit"),
               action_url=reverse("mentoring:writeups:edit", args=[writeup.pk]),
               group=writeup.group, when=writeup.updated)


CONCERN = Concern("writeups", gettext_lazy("Write-ups waiting for you"), _waiting, _row)


def _on_thread(request: HttpRequest, group: Group, thread: Thread) -> dict[str, Any] | None:
    mentor = can_moderate(request.user, group)
    writeups = list(WriteUp.objects.visible_on_thread(thread.pk, person_id(request.user),
                                                      mentor)[:ON_THREAD])
    if not (writeups or mentor):
        return None
    return {"writeups": writeups, "mentor": mentor}


def evidence(kwargs: dict[str, Any]) -> tuple[str, Group | None] | None:
    """A published write-up as an introduction's evidence: public by its learner's consent,
    so anyone may open it; one not published is no evidence to mail."""
    writeup = WriteUp.objects.published().filter(pk=kwargs["pk"]).first()
    return (writeup.title, None) if writeup else None


BLOCK = Block("writeups", "mentoring/writeups/thread_block.html", _on_thread, place="bottom")
