"""What threading sees of an archive: a node per message or placeholder, linked by
Message-ID, the summary a thread row keeps of its nodes, and the changes threading hands to the
database layer. Plain values, no database; `thread_core` holds the rules that move them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

NEVER = datetime.max.replace(tzinfo=UTC)


class DuplicateMessage(Exception):
    """The group has a real message with this Message-ID: the same message twice is one."""

    def __init__(self, message_id: str) -> None:
        super().__init__(f"duplicate Message-ID <{message_id}>")
        self.message_id = message_id


@dataclass(frozen=True)
class Incoming:
    """One message to place: what threading reads, and the other Message columns to store.

    Message-IDs are given without angle brackets; `references` oldest first (see
    `thread_references`)."""

    message_id: str
    references: Sequence[str]
    subject: str
    date: datetime
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Node:
    """A message or placeholder as threading sees it: named and linked by Message-ID, so that
    nodes not yet in the database link like any other."""

    message_id: str
    thread: int  # a thread key; merged keys lead to the surviving one through Archive.find
    parent: str | None = None
    placeholder: bool = True
    date: datetime | None = None
    subject: str = ""  # without reply prefixes
    suggested: int | None = None  # the thread key a mentor is offered
    pinned: bool = False  # placed by a mentor: References neither move it nor offer it a thread


@dataclass(slots=True)
class ThreadInfo:
    """What a thread row says about its messages, kept up to date as they come and trees merge.

    Keys are Thread primary keys, or negative for threads not yet written."""

    key: int
    root: str
    root_subject: str | None = None  # None while the root is a placeholder
    first_subject: str = ""  # the subject of the earliest real message (ties: lowest id)
    first_id: str = ""
    started: datetime | None = None
    last_activity: datetime | None = None
    count: int = 0
    name: str | None = None  # the name a mentor gave it, which outranks its messages' subjects

    @property
    def subject(self) -> str:
        """A mentor's name for it; else the root's subject; a placeholder has none, so then the
        earliest message's."""
        if self.name is not None:
            return self.name
        return self.first_subject if self.root_subject is None else self.root_subject

    def add(self, node: Node) -> None:
        if node.message_id == self.root:
            self.root_subject = node.subject
        self.absorb(ThreadInfo(self.key, self.root, None, node.subject, node.message_id,
                               node.date, node.date, 1))

    def absorb(self, other: ThreadInfo) -> None:
        """Count in a tree hung below this one; the root, and so the name, stays ours."""
        self.count += other.count
        if other.started is not None and (self.started is None or (
                other.started, other.first_id) < (self.started, self.first_id)):
            self.started, self.first_subject = other.started, other.first_subject
            self.first_id = other.first_id
        if other.last_activity is not None and (
                self.last_activity is None or other.last_activity > self.last_activity):
            self.last_activity = other.last_activity


def summarise(key: int, root: str, members: Iterable[Node]) -> ThreadInfo:
    info = ThreadInfo(key, root)
    for node in members:
        if not node.placeholder:
            info.add(node)
    return info


def subtree(top: Node, members: Iterable[Node]) -> list[Node]:
    replies: defaultdict[str, list[Node]] = defaultdict(list)
    for member in members:
        if member.parent is not None:
            replies[member.parent].append(member)
    found, stack = [], [top]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(replies[node.message_id])
    return found


@dataclass
class Changes:
    """What threading did, for the database layer to write."""

    nodes: dict[str, None] = field(default_factory=dict)  # created or relinked, in order
    filled: set[str] = field(default_factory=set)  # placeholders (or new nodes) made real
    removed: set[str] = field(default_factory=set)  # placeholders left without replies
    threads: set[int] = field(default_factory=set)  # summaries to write
    dropped: set[int] = field(default_factory=set)  # merged into another, or emptied
