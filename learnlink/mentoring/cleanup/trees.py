"""A thread's messages as the links between them, read in one query: what a clean-up action
plans with (which messages a move carries, where the root is, which placeholders above a
message it may leave without replies)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from learnlink.exchange.models import Message
from learnlink.exchange.thread_nodes import NEVER


@dataclass
class Tree:
    thread_pk: int
    parents: dict[int, int | None] = field(default_factory=dict)
    placeholders: set[int] = field(default_factory=set)
    order: dict[int, tuple[datetime.datetime, str]] = field(default_factory=dict)
    message_ids: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, thread_pk: int) -> Tree:
        tree = cls(thread_pk)
        for pk, parent, placeholder, date, message_id in Message.objects.filter(
                thread_id=thread_pk).values_list("pk", "parent_id", "is_placeholder", "date",
                                                 "message_id"):
            tree.parents[pk] = parent
            tree.order[pk] = (date or NEVER, message_id)
            tree.message_ids[pk] = message_id
            if placeholder:
                tree.placeholders.add(pk)
        return tree

    def replies(self, pk: int) -> list[int]:
        """The direct replies of `pk`, by date as the thread page orders them."""
        return sorted((child for child, parent in self.parents.items() if parent == pk),
                      key=self.order.__getitem__)

    def subtree(self, pk: int) -> set[int]:
        below: defaultdict[int | None, list[int]] = defaultdict(list)
        for child, parent in self.parents.items():
            below[parent].append(child)
        found, stack = set(), [pk]
        while stack:
            top = stack.pop()
            if top not in found:
                found.add(top)
                stack.extend(below[top])
        return found

    def root(self) -> int:
        """Where a message moved into this thread hangs: its root (a real one first, if a
        thread ever had two)."""
        return min(self.roots(), key=lambda pk: (pk in self.placeholders, self.order[pk]))

    def roots(self) -> list[int]:
        return [pk for pk, parent in self.parents.items() if parent not in self.parents]

    def placeholders_above(self, pk: int) -> list[int]:
        """The placeholders between `pk` and the nearest real message above it: those a move
        of `pk` may leave without replies."""
        chain = []
        above = self.parents.get(pk)
        while above is not None and above in self.placeholders:
            chain.append(above)
            above = self.parents.get(above)
        return chain

    def real(self) -> set[int]:
        return set(self.parents) - self.placeholders
