"""The clean-up log read back: each entry as the log page and the API show it (who, when,
what, the threads before and after it), and whether it may be undone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from learnlink.mentoring.models import CleanupEntry


def by_name(user: User | None) -> str:
    """Who did it, as the log shows them: their name in the directory, else their account's."""
    if user is None:
        return _("someone whose account is gone")
    person = getattr(user, "person", None)
    return person.name if person is not None else (user.get_full_name() or user.username)


@dataclass(frozen=True)
class Line:
    entry: CleanupEntry
    by: str
    before: list[tuple[str, int]]  # each thread's name and messages
    after: list[tuple[str, int]]
    removed: list[str]  # reasons given for the messages it removed

    @property
    def threads_changed(self) -> bool:
        return self.before != self.after


def entries(rows: Iterable[CleanupEntry]) -> list[Line]:
    return [Line(entry, by_name(entry.by), _threads(entry.before), _threads(entry.after),
                 [row["reason"] for row in entry.after["messages"] if row["removed"]
                  and not _was_removed(entry, row["id"])]) for entry in rows]


def _threads(state: dict[str, list[dict[str, Any]]]) -> list[tuple[str, int]]:
    return [(row["subject"], row["messages"]) for row in state["threads"]]


def _was_removed(entry: CleanupEntry, pk: int) -> bool:
    return any(row["id"] == pk and row["removed"] for row in entry.before["messages"])


def as_api(entry: CleanupEntry) -> dict[str, Any]:
    """One item of GET /api/threads/{id}/log: `n` is what POST .../log/{n}/undo takes."""
    return {"n": entry.pk, "action": entry.action, "by": by_name(entry.by), "at": entry.at,
            "before": entry.before, "after": entry.after, "undone": entry.undone}
