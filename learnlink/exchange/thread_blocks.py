"""What other apps show on a thread's page: a mentor's synthesis above the messages, resources
for the discussion below them. The exchange depends on no app above it; those apps register a
block here (from their AppConfig.ready) and the thread page renders whatever is registered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from learnlink.exchange.models import Group, Thread


@dataclass(frozen=True)
class Block:
    """`template` is rendered with `context(request, group, thread)`, unless that gives None
    (nothing to show to this reader). `place` says where: above or below the messages."""

    key: str
    template: str
    context: Callable[[HttpRequest, Group, Thread], dict[str, Any] | None]
    place: Literal["top", "bottom"] = "top"


_BLOCKS: dict[str, Block] = {}


def register(block: Block) -> None:
    _BLOCKS[block.key] = block


def rendered(request: HttpRequest, group: Group, thread: Thread, place: str) -> list[SafeString]:
    """The registered blocks of `place` this reader sees, rendered, in registration order."""
    shown = []
    for block in _BLOCKS.values():
        if block.place != place:
            continue
        context = block.context(request, group, thread)
        if context is not None:
            context.update(group=group, thread=thread)
            shown.append(SafeString(render_to_string(block.template, context, request)))
    return shown
