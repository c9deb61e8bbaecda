"""Links a group's mentors find on each message of a thread page ("Clean up": move it, split
the thread there, remove it). The exchange depends on no app above it; those apps register a
tool here (from their AppConfig.ready) and the articles of the mentors' cached thread pages
carry whatever is registered. A tool's link is the same for every mentor of the group, so the
mentors share one cached rendering of each page, as members share theirs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from learnlink.exchange.models import Group, Message


@dataclass(frozen=True)
class Tool:
    """`label` is shown in the reader's language; `url(group, message)` is where it leads."""

    key: str
    label: str | Promise
    url: Callable[[Group, Message], str]


_TOOLS: dict[str, Tool] = {}


def register(tool: Tool) -> None:
    _TOOLS[tool.key] = tool


def links(group: Group, message: Message) -> list[tuple[str | Promise, str]]:
    """Each registered tool's label and link for this message, in registration order."""
    return [(tool.label, tool.url(group, message)) for tool in _TOOLS.values()]
