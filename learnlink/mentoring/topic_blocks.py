"""What other tools and apps show on an agenda topic's page, where the group stands on it: a
mentor's synthesis of the topic, and later the knowledge app's practices. Mentoring does not
import those apps; they register a block here (from their AppConfig.ready), as the exchange's
thread page takes blocks (exchange.thread_blocks), and the topic page renders whatever is
registered, in registration order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from learnlink.mentoring.models import Topic


@dataclass(frozen=True)
class Block:
    """`template` is rendered with `context(request, topic)`, unless that gives None (nothing
    to show this reader)."""

    key: str
    template: str
    context: Callable[[HttpRequest, Topic], dict[str, Any] | None]


_BLOCKS: dict[str, Block] = {}


def register(block: Block) -> None:
    """Registering the same key twice replaces it."""
    _BLOCKS[block.key] = block


def rendered(request: HttpRequest, topic: Topic) -> list[SafeString]:
    shown = []
    for block in _BLOCKS.values():
        context = block.context(request, topic)
        if context is not None:
            context.update(topic=topic, group=topic.group)
            shown.append(SafeString(render_to_string(block.template, context, request)))
    return shown
