"""On a thread's page, for whoever may introduce: a link that starts an introduction from
this discussion (its writers' organisations offered, the thread as the evidence)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from learnlink.exchange.models import Group, Thread
from learnlink.exchange.thread_blocks import Block
from learnlink.mentoring.permissions import may_introduce


def context(request: HttpRequest, group: Group, thread: Thread) -> dict[str, Any] | None:
    if not may_introduce(request.user):
        return None
    return {"introduce_url": f"{reverse('mentoring:introduction_new')}?thread={thread.pk}"}


BLOCK = Block("introduce", "mentoring/introductions/thread_block.html", context, "bottom")
