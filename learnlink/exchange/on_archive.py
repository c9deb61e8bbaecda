"""What other apps do with messages as they enter a group's archive (posted, or imported from
an old one): the mentoring app looks for replies to a digest and "was:" subject changes to
suggest a thread for them. The exchange depends on no app above it; those apps register a hook
here (from their AppConfig.ready) and posting and importing call every registered hook, in the
transaction that archives the messages, with the messages placed (never the duplicates)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from learnlink.exchange.models import Group, Message

Hook = Callable[[Group, Sequence[Message]], None]

_HOOKS: dict[str, Hook] = {}


def register(key: str, hook: Hook) -> None:
    _HOOKS[key] = hook


def archived(group: Group, messages: Sequence[Message]) -> None:
    if messages:
        for hook in _HOOKS.values():
            hook(group, messages)
