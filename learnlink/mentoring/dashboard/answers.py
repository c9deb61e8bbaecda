"""Which reply answers a question, as a rule a mentor can check by reading the thread: a later
message below the question in the thread (a reply to it, or to a reply below it) from someone
else who shares no organisation with the asker. A colleague from the asker's own farmer group
saying "me too" has not answered it; nor has the asker writing again.

Plain Python over the few columns of a thread's messages, so it is tested without a database."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Said:
    """One message of a thread as the rule reads it. `author` is the sender's person, or their
    address when the directory does not know them; `organisations` are the person's."""

    pk: int
    parent: int | None
    date: datetime.datetime | None
    author: str
    organisations: frozenset[int] = frozenset()
    placeholder: bool = False

    def answers(self, question: Said) -> bool:
        """Whether this message, written below `question`, counts as its answer."""
        return (not self.placeholder and self.author != question.author
                and not self.organisations & question.organisations)


def first_answers(questions: Iterable[int], thread: Mapping[int, Said]) -> dict[int, Said]:
    """For each question (a pk in `thread`, the messages of its thread by pk), the earliest
    message that answers it; questions nobody answered are left out."""
    below: dict[int, list[Said]] = {}
    for said in thread.values():
        if said.parent is not None:
            below.setdefault(said.parent, []).append(said)
    found = {}
    for pk in questions:
        question = thread[pk]
        answers = [said for said in _descendants(pk, below) if said.answers(question)]
        if answers:
            found[pk] = min(answers, key=_order)
    return found


def _descendants(pk: int, below: Mapping[int, list[Said]]) -> list[Said]:
    found, queue, seen = [], list(below.get(pk, [])), {pk}
    while queue:
        said = queue.pop()
        if said.pk in seen:  # threading never makes a loop; a broken row must not hang us
            continue
        seen.add(said.pk)
        found.append(said)
        queue.extend(below.get(said.pk, []))
    return found


def _order(said: Said) -> tuple[datetime.datetime, int]:
    return (said.date or datetime.datetime.max.replace(tzinfo=datetime.UTC), said.pk)
