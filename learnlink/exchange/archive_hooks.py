"""What other apps do when messages enter a group's archive: the mentoring app notes the
questions among them, and marks its older questions answered. The exchange depends on no app
above it; those apps register a hook here (from their AppConfig.ready) and threading calls every
hook in the transaction that stores the messages, so a hook sees each message once, whichever
way it came (posted, approved by a moderator, imported, or a placeholder filled when the message
it stood for arrives at last)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from learnlink.exchange.models import Group, Message

Hook = Callable[[Group, Sequence[Message]], None]

_HOOKS: dict[str, Hook] = {}


def register(key: str, hook: Hook) -> None:
    """Called from an AppConfig.ready(); registering the same key twice replaces it."""
    _HOOKS[key] = hook


def archived(group: Group, messages: Sequence[Message]) -> None:
    """Tell every hook about messages just stored (real ones, never placeholders)."""
    if messages:
        for hook in _HOOKS.values():
            hook(group, messages)
