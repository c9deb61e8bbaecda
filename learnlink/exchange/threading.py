"""Which message answers which, and which messages make one thread of a group's archive.

JWZ threading (https://www.jwz.org/doc/threading.html, as RFC 5256 REFERENCES uses it), with the
rules Learnlink needs for an archive that grows one message at a time:

- a thread is one tree; a missing ancestor is a placeholder row, so that replies to a message we
  never got still share one thread, and it is filled (the same row) if the message arrives;
- a message's own References name its parent, whatever other messages' References implied;
- a loop is never made: the link that would close it is not made;
- subjects never merge threads by default: a reply with nothing real above it ("Re:" without
  references, or a reply to messages we never got) gets a *suggested* thread for a mentor, and
  joins that thread only if the group asks for it.

Two layers, so that an import runs at in-memory speed and the rules are tested without a database:
the core (`Archive`, `Node`, `ThreadInfo`) is plain Python over the few nodes a batch touches and
records what it changed; the database layer (`place_message`, `place_messages`) loads those nodes,
runs the core and writes the changes with a bounded number of queries per batch. `tree` and
`api_parent` read a thread back for its page and the API.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import reduce
from operator import or_
from typing import Any, TypeVar

from django.db import connection, transaction
from django.db.models import Case, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Collate

from learnlink.exchange.bulk import update_rows
from learnlink.exchange.models import Group, Message, Thread

SUBJECT_WINDOW = timedelta(days=30)
"""How far back a reply without references looks for the thread of the same subject."""

REPLY_PREFIX = re.compile(
    r"\s*(?:re|fwd?|aw|sv|vs|wg|antw(?:ort)?|tr|r[ée]f|rif|jibu|rv|enc)"
    r"\s*(?:\[\d+\]|\(\d+\))?\s*:\s*",
    re.IGNORECASE)
"""What mail programs put before a subject they answer or forward, in the languages of our
networks and their partners: Re, Fwd, Jibu (Swahili), Réf and TR (French), AW and WG (German),
SV and VS (Nordic), RV and ENC (Spanish, Portuguese), also numbered as in "Re[2]:"."""

_NEVER = datetime.max.replace(tzinfo=UTC)
_CHUNK = 5000  # ids per IN (...): under the parameter limits of SQLite >= 3.32 and PostgreSQL
_OR_CHUNK = 200  # subjects per query: "a OR b OR ..." nests, and SQLite allows a depth of 1000
_T = TypeVar("_T")


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


def strip_reply_prefixes(subject: str) -> str:
    """The subject without stacked "Re: Fwd: Jibu:" and with single spaces: a thread's name."""
    subject = " ".join(subject.split())
    while match := REPLY_PREFIX.match(subject):
        subject = subject[match.end():]
    return subject


def has_reply_prefix(subject: str) -> bool:
    return REPLY_PREFIX.match(subject) is not None


def thread_references(references: Sequence[str], in_reply_to: Sequence[str]) -> list[str]:
    """The Message-IDs that place a message: its References, else the first In-Reply-To.

    References is the whole ancestry and its last id the nearest ancestor; In-Reply-To often
    holds junk after the id ("; from X on date"), so it only speaks when References is silent."""
    return list(references) or list(in_reply_to[:1])


def ancestry(references: Sequence[str], message_id: str) -> list[str]:
    """References without blanks, without repeats (the last mention is the nearest) and without
    the message itself, which would make it its own ancestor."""
    nearest_first = dict.fromkeys(ref for ref in reversed(references) if ref and ref != message_id)
    return list(reversed(nearest_first))


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

    @property
    def subject(self) -> str:
        """The root's subject; a placeholder has none, so then the earliest message's."""
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


def _seniority(info: ThreadInfo) -> tuple[bool, datetime, int]:
    """Which thread row survives a merge: a stored one, then the one started first, so that
    links to the older, better known thread keep working."""
    return info.key < 0, info.started or _NEVER, abs(info.key)


def _nothing_to_load(keys: list[int]) -> list[Node]:
    return []


@dataclass
class Changes:
    """What threading did, for the database layer to write."""

    nodes: dict[str, None] = field(default_factory=dict)  # created or relinked, in order
    filled: set[str] = field(default_factory=set)  # placeholders (or new nodes) made real
    removed: set[str] = field(default_factory=set)  # placeholders left without replies
    threads: set[int] = field(default_factory=set)  # summaries to write
    dropped: set[int] = field(default_factory=set)  # merged into another, or emptied


class Archive:
    """The nodes of one group that a batch touches, threaded in memory.

    `partial` names stored threads whose members are not all among `nodes`; `load_members` fetches
    them on the rare occasions a whole thread is needed (moving a subtree, checking for a loop)."""

    def __init__(self, nodes: Iterable[Node] = (), threads: Iterable[ThreadInfo] = (), *,
                 join_by_subject: bool = False, partial: Iterable[int] = (),
                 load_members: Callable[[list[int]], Iterable[Node]] = _nothing_to_load) -> None:
        self.nodes = {node.message_id: node for node in nodes}
        self.threads = {info.key: info for info in threads}
        self.join_by_subject = join_by_subject
        self.partial = set(partial)
        self.load_members = load_members
        self.merged: dict[int, int] = {}
        self.changes = Changes()
        self._last_key = min((0, *self.threads))

    def place(self, item: Incoming) -> Node:
        """Thread one message: its node, filled in and linked; DuplicateMessage if it is known."""
        node = self.nodes.get(item.message_id)
        if node is not None and not node.placeholder:
            raise DuplicateMessage(item.message_id)
        references = ancestry(item.references, item.message_id)
        missing = [ref for ref in references if ref not in self.nodes]
        chain = self._link_chain(references)
        node = node or self._node(item.message_id)
        self._fill(node, item)
        if chain:
            self._reparent(node, chain[-1])
        self._drop_unused(missing, [*chain, node])
        if has_reply_prefix(item.subject):
            self._offer_by_subject(node, set(references), item)
        return node

    def find(self, key: int) -> int:
        """The surviving key of a thread that may have been merged into others."""
        root = key
        while root in self.merged:
            root = self.merged[root]
        while key in self.merged and self.merged[key] != root:
            self.merged[key], key = root, self.merged[key]
        return root

    def _link_chain(self, references: list[str]) -> list[Node]:
        """JWZ's linking: each reference hangs below the one before it, unless it has a parent
        already or that would close a loop. The last one is the message's parent.

        A reference we do not have becomes a placeholder only if something will hang below it
        (JWZ makes an empty container and prunes it at the end; we never make it)."""
        wanted: set[str] = set()
        hangs_below = True  # the message itself hangs below the last reference
        for ref in reversed(references):
            node = self.nodes.get(ref)
            if node is None and hangs_below:
                wanted.add(ref)
            hangs_below = ref in wanted if node is None else node.parent is None
        chain = [self._node(ref) if ref in wanted else self.nodes.get(ref) for ref in references]
        for older, newer in itertools.pairwise(chain):
            if older is not None and newer is not None and newer.parent is None:
                self._attach(newer, older)
        return [node for node in chain if node is not None]

    def _drop_unused(self, made: list[str], linked: list[Node]) -> None:
        """Placeholders made for this message's references go again if they hold no reply in
        the end (the link expected below one would have closed a loop). Only the chain or the
        message can hang below a new placeholder, so a loop is the only case that costs a look
        at the whole thread."""
        parents = {node.parent for node in linked}
        for message_id in made:
            node = self.nodes.get(message_id)
            if node is not None and message_id not in parents:
                self._prune(message_id, self._members(self.find(node.thread)))

    def _node(self, message_id: str) -> Node:
        node = self.nodes.get(message_id)
        if node is None:
            self._last_key -= 1
            node = self.nodes[message_id] = Node(message_id, self._last_key)
            self.threads[node.thread] = ThreadInfo(node.thread, message_id)
            self.changes.threads.add(node.thread)
            self.changes.removed.discard(message_id)
            self._changed(node)
        return node

    def _changed(self, node: Node) -> None:
        self.changes.nodes[node.message_id] = None

    def _fill(self, node: Node, item: Incoming) -> None:
        node.placeholder = False
        node.date = item.date
        node.subject = strip_reply_prefixes(item.subject)
        key = self.find(node.thread)
        self.threads[key].add(node)
        self.changes.threads.add(key)
        self.changes.filled.add(node.message_id)
        self._changed(node)

    def _attach(self, root: Node, parent: Node) -> None:
        """Hang the tree of `root` below `parent`, unless `parent` is in that tree (a loop)."""
        key, parent_key = self.find(root.thread), self.find(parent.thread)
        if key == parent_key:
            return
        root.parent = parent.message_id
        self._changed(root)
        self._merge(parent_key, key)

    def _merge(self, target_key: int, other_key: int) -> None:
        """The tree of `other` now hangs in `target`'s: one thread, named by target's root."""
        target, other = self.threads.pop(target_key), self.threads.pop(other_key)
        survivor, loser = ((target_key, other_key) if _seniority(target) <= _seniority(other)
                           else (other_key, target_key))
        target.absorb(other)
        target.key = survivor
        self.threads[survivor] = target
        self.merged[loser] = survivor
        self.changes.threads.add(survivor)
        self.changes.dropped.add(loser)

    def _reparent(self, node: Node, parent: Node) -> None:
        """A message's own References name its parent, whatever others implied (RFC 5256 1C):
        an older link is broken, and if the new one would close a loop the message is a root."""
        if node.parent == parent.message_id:
            return
        if node.parent is None:
            self._attach(node, parent)
        elif self._descends_from(parent, node):
            self._move(node, None)
        else:
            self._move(node, parent)

    def _descends_from(self, node: Node, ancestor: Node) -> bool:
        key = self.find(node.thread)
        if key != self.find(ancestor.thread):
            return False
        self._complete(key)
        above = node.parent
        while above is not None:
            if above == ancestor.message_id:
                return True
            above = self.nodes[above].parent
        return False

    def _move(self, node: Node, parent: Node | None) -> None:
        """Move `node` and its replies below `parent`, or out into a thread of their own; the
        thread they leave keeps the rest, or goes if nothing real is left."""
        key = self.find(node.thread)
        members = self._members(key)
        old_parent, node.parent = node.parent, None if parent is None else parent.message_id
        self._changed(node)
        self._prune(old_parent, members)
        if parent is None:
            self._last_key -= 1
            target = self._last_key
        else:
            target = self.find(parent.thread)
            if target == key:
                return
        moving = subtree(node, members)
        for member in moving:
            member.thread = target
            self._changed(member)
        moved = summarise(target, node.message_id, moving)
        if target in self.threads:
            self.threads[target].absorb(moved)
        else:
            self.threads[target] = moved
        gone = {member.message_id for member in moving}
        rest = [m for m in members if m.message_id in self.nodes and m.message_id not in gone]
        if rest:
            self.threads[key] = summarise(key, self.threads[key].root, rest)
        else:
            del self.threads[key]
            self.changes.dropped.add(key)
        self.changes.threads.update((key, target))

    def _prune(self, message_id: str | None, members: list[Node]) -> None:
        """Remove placeholders left without replies: they stood only for the replies' parent."""
        replies = Counter(member.parent for member in members)
        while message_id is not None and not replies[message_id]:
            node = self.nodes[message_id]
            if not node.placeholder:
                return
            del self.nodes[message_id]
            self.changes.nodes.pop(message_id, None)
            self.changes.removed.add(message_id)
            message_id = node.parent
            replies[message_id] -= 1

    def _members(self, key: int) -> list[Node]:
        self._complete(key)
        return [node for node in self.nodes.values() if self.find(node.thread) == key]

    def _complete(self, key: int) -> None:
        """Load the stored members of thread `key` that no reference brought in."""
        stored = [partial for partial in self.partial if self.find(partial) == key]
        if not stored:
            return
        self.partial.difference_update(stored)
        for node in self.load_members(stored):
            if node.message_id not in self.nodes and node.message_id not in self.changes.removed:
                self.nodes[node.message_id] = node

    def _offer_by_subject(self, node: Node, references: set[str], item: Incoming) -> None:
        """A reply with nothing real above it may belong to the latest thread of its subject:
        suggest that thread to a mentor, or join it if the group says so."""
        top = self._placeholder_top(node, references)
        key = strip_reply_prefixes(item.subject).casefold()
        if top is None or not key:
            return
        info = self._latest_thread(key, item.date, exclude=self.find(node.thread))
        if info is None:
            return
        if self.join_by_subject:
            self._attach(top, self._root(info))
        else:
            node.suggested = info.key
            self._changed(node)

    def _placeholder_top(self, node: Node, references: set[str]) -> Node | None:
        """The root of `node`'s thread if only placeholders of its own References lie between
        (a reply to messages we never got), or `node` if it is a root; else None."""
        top = node
        while top.parent is not None:
            if top.parent not in references:
                return None
            top = self.nodes[top.parent]
            if not top.placeholder:
                return None
        return top

    def _latest_thread(self, subject_key: str, date: datetime, exclude: int) -> ThreadInfo | None:
        since = date - SUBJECT_WINDOW
        matches = [(info.last_activity, info.key) for info in self.threads.values()
                   if info.last_activity is not None and since <= info.last_activity <= date
                   and info.key != exclude and info.subject.casefold() == subject_key]
        return self.threads[max(matches)[1]] if matches else None

    def _root(self, info: ThreadInfo) -> Node:
        if info.root not in self.nodes:
            self._complete(info.key)
        return self.nodes[info.root]


# The database layer.

_THREAD_FIELDS = ["subject", "started", "month", "last_activity", "message_count"]
_NODE_COLUMNS = ("pk", "message_id", "parent_id", "parent__message_id", "thread_id",
                 "is_placeholder", "date", "subject")


def place_message(group: Group, *, message_id: str, references: Sequence[str], subject: str,
                  date: datetime, **fields: Any) -> Message:
    """Thread and store one message in one transaction, loading only the nodes it needs.

    `fields` are the other Message columns (inbound, sender, text, ...). Raises DuplicateMessage
    if the group already has a real message with this Message-ID, and then stores nothing."""
    [placed] = place_messages(group, [Incoming(message_id, references, subject, date, fields)])
    if isinstance(placed, DuplicateMessage):
        raise placed
    return placed


def place_messages(group: Group, items: Sequence[Incoming]) -> list[Message | DuplicateMessage]:
    """Thread and store a batch (an import), in order, exactly as one `place_message` each would,
    but threaded in memory and written with a bounded number of queries per batch."""
    with transaction.atomic():
        # One threader per group at a time: two placeholders for one id would collide.
        Group.objects.select_for_update().only("pk").get(pk=group.pk)
        rows = _Rows(group)
        archive = rows.read(items)
        placed = [_place(archive, item) for item in items]
        stored = rows.write(items)
    return [stored[p] if isinstance(p, str) else p for p in placed]


def _place(archive: Archive, item: Incoming) -> str | DuplicateMessage:
    try:
        return archive.place(item).message_id
    except DuplicateMessage as duplicate:
        return duplicate


def _movable_threads(items: Sequence[Incoming], named: list[set[str]],
                     nodes: Mapping[str, Node]) -> set[int]:
    """Stored threads a subtree may leave: a placeholder (stored, or made by this batch) filled
    by a message with References of its own may move. Loading them up front keeps the queries
    per batch bounded; Archive loads any other thread it needs when it needs it."""
    awaited = {ref for item in items for ref in item.references}
    awaited.update(node.message_id for node in nodes.values() if node.placeholder)
    refilled = {item.message_id for item in items if item.references} & awaited
    return {nodes[name].thread for names in named if not refilled.isdisjoint(names)
            for name in names if name in nodes}


def _chunks(values: Iterable[_T], size: int = _CHUNK) -> Iterator[list[_T]]:
    iterator = iter(values)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class _Rows:
    """The database side of one batch: the rows threading reads, and the writes of its changes."""

    def __init__(self, group: Group) -> None:
        self.group = group
        self.pks: dict[str, int] = {}
        self.archive = Archive()  # read() fills it
        self.created: dict[int, int] = {}  # new thread keys: their primary keys, once written

    def read(self, items: Sequence[Incoming]) -> Archive:
        """The nodes the batch names and their threads; the threads a reply might be offered by
        subject; and the whole threads the batch may move subtrees out of, in a few queries."""
        named = [{item.message_id, *item.references} for item in items]
        nodes = {node.message_id: node for node in self._nodes(set().union(*named))}
        candidates = self._candidates(items)
        threads = {info.key: info for info in [*candidates, *self._threads(
            {node.thread for node in nodes.values()} - {info.key for info in candidates})]}
        if self.group.join_by_subject:
            roots = {info.root for info in candidates} - nodes.keys()
            nodes.update((node.message_id, node) for node in self._nodes(roots))
        movable = _movable_threads(items, named, nodes)
        for node in self.members(list(movable)):
            nodes.setdefault(node.message_id, node)
        self.archive = Archive(nodes.values(), threads.values(), partial=threads.keys() - movable,
                               join_by_subject=self.group.join_by_subject,
                               load_members=self.members)
        return self.archive

    def _nodes(self, message_ids: Iterable[str]) -> list[Node]:
        return [node for chunk in _chunks(message_ids) for node in self._node_rows(
            Message.objects.filter(group=self.group, message_id__in=chunk))]

    def members(self, thread_keys: list[int]) -> list[Node]:
        return [node for chunk in _chunks(thread_keys)
                for node in self._node_rows(Message.objects.filter(thread_id__in=chunk))]

    def _node_rows(self, messages: QuerySet[Message]) -> Iterator[Node]:
        """Nodes, noting the pk of each and of its parent (which a write may need unloaded)."""
        for pk, message_id, parent_pk, parent, thread, placeholder, date, subject in (
                messages.values_list(*_NODE_COLUMNS)):
            self.pks[message_id] = pk
            if parent is not None:
                self.pks[parent] = parent_pk
            yield Node(message_id, thread, parent, placeholder, date, strip_reply_prefixes(subject))

    def _candidates(self, items: Sequence[Incoming]) -> list[ThreadInfo]:
        """Stored threads that a reply of the batch might be offered by subject."""
        replies = [item for item in items if has_reply_prefix(item.subject)]
        subjects = {strip_reply_prefixes(item.subject) for item in replies} - {""}
        if not subjects:
            return []
        window = Thread.objects.filter(
            group=self.group, last_activity__lte=max(item.date for item in replies),
            last_activity__gte=min(item.date for item in replies) - SUBJECT_WINDOW)
        return [info for chunk in _chunks(subjects, _OR_CHUNK) for info in self._thread_rows(
            window.filter(reduce(or_, (Q(subject__iexact=subject) for subject in chunk))))]

    def _threads(self, keys: Iterable[int]) -> list[ThreadInfo]:
        return [info for chunk in _chunks(keys)
                for info in self._thread_rows(Thread.objects.filter(pk__in=chunk))]

    @staticmethod
    def _thread_rows(threads: QuerySet[Thread]) -> list[ThreadInfo]:
        messages = Message.objects.filter(thread=OuterRef("pk"))
        roots = messages.filter(parent__isnull=True)
        # Message-IDs in code point order, as Python compares them, whatever the server's locale
        by_id = Collate("message_id", "C") if connection.vendor == "postgresql" else "message_id"
        first = messages.filter(is_placeholder=False).order_by("date", by_id)
        rows = threads.annotate(
            root=Subquery(roots.values("message_id")[:1]),
            root_subject=Subquery(roots.filter(is_placeholder=False).values("subject")[:1]),
            first_subject=Subquery(first.values("subject")[:1]),
            first_id=Subquery(first.values("message_id")[:1]),
        ).values_list("pk", "root", "root_subject", "first_subject", "first_id", "started",
                      "last_activity", "message_count")
        return [ThreadInfo(key, root, None if root_subject is None
                           else strip_reply_prefixes(root_subject),
                           strip_reply_prefixes(first_subject), first_id, started, last, count)
                for key, root, root_subject, first_subject, first_id, started, last, count in rows]

    def write(self, items: Sequence[Incoming]) -> dict[str, Message]:
        """Write what the archive changed: threads first (messages point to them), then
        messages, then delete what went. Returns the rows of the messages placed, by id."""
        self.created = self._save_threads()
        self._follow_merges()
        stored = self._save_messages(items)
        changes = self.archive.changes
        Message.objects.filter(pk__in=[self.pks[mid] for mid in changes.removed
                                       if mid in self.pks]).delete()
        Thread.objects.filter(pk__in=[key for key in changes.dropped if key > 0]).delete()
        return stored

    def _thread_pk(self, key: int) -> int:
        survivor = self.archive.find(key)
        return self.created.get(survivor, survivor)

    def _save_threads(self) -> dict[int, int]:
        """Create the new threads and update the changed ones; the new keys' primary keys."""
        threads = self.archive.threads
        live = {self.archive.find(key) for key in self.archive.changes.threads} & threads.keys()
        new = sorted((key for key in live if key < 0), reverse=True)
        rows = Thread.objects.bulk_create(
            [_thread_row(threads[key], group=self.group) for key in new])
        update_rows([_thread_row(threads[key], pk=key, group=self.group)
                     for key in live if key > 0], _THREAD_FIELDS)
        return {key: row.pk for key, row in zip(new, rows, strict=True)}

    def _follow_merges(self) -> None:
        """Messages (and suggestions) of a stored thread merged into another move with it, loaded
        or not: one UPDATE ... CASE for all, instead of reading them."""
        moved = {key: self._thread_pk(key) for key in self.archive.merged if key > 0}
        for column in ("thread_id", "suggested_thread_id"):
            for chunk in _chunks(moved.items()):
                Message.objects.filter(**{f"{column}__in": [key for key, _ in chunk]}).update(
                    **{column: Case(*(When(**{column: key}, then=Value(pk)) for key, pk in chunk))})

    def _save_messages(self, items: Sequence[Incoming]) -> dict[str, Message]:
        """Insert the new rows, then set the links that point to new rows and update the
        stored rows that were filled or relinked."""
        first_items: dict[str, Incoming] = {}
        for item in items:
            first_items.setdefault(item.message_id, item)
        changes = self.archive.changes
        changed = [self.archive.nodes[message_id] for message_id in changes.nodes]
        stored = [node for node in changed if node.message_id in self.pks]
        new = [self._row(node, first_items.get(node.message_id))
               for node in changed if node.message_id not in self.pks]
        Message.objects.bulk_create(new)
        self.pks.update((row.message_id, row.pk) for row in new)
        relinked = [row for row in new if self._link_new(row)]
        relinked += [self._link(node) for node in stored if node.message_id not in changes.filled]
        filled = [self._row(node, first_items[node.message_id]) for node in stored
                  if node.message_id in changes.filled]
        update_rows(relinked, ["parent", "thread"])
        update_rows(filled, _FILL_FIELDS)
        return {row.message_id: row for row in [*new, *filled] if not row.is_placeholder}

    def _link_new(self, row: Message) -> bool:
        """Point a new row to its parent if that was new too (it had no pk yet)."""
        parent = self.archive.nodes[row.message_id].parent
        if row.parent_id is not None or parent is None:
            return False
        row.parent_id = self.pks[parent]
        return True

    def _link(self, node: Node) -> Message:
        return Message(pk=self.pks[node.message_id], thread_id=self._thread_pk(node.thread),
                       parent_id=None if node.parent is None else self.pks[node.parent])

    def _row(self, node: Node, item: Incoming | None) -> Message:
        """A whole row: a new placeholder or message, or a filled placeholder (same pk)."""
        row = Message(pk=self.pks.get(node.message_id), group=self.group,
                      thread_id=self._thread_pk(node.thread), message_id=node.message_id,
                      parent_id=None if node.parent is None else self.pks.get(node.parent),
                      is_placeholder=node.placeholder)
        if item is not None:
            row.date = item.date
            row.subject = item.subject
            row.references = "\n".join(item.references)
            row.suggested_thread_id = self._suggested_pk(node)
            for name, value in item.fields.items():
                setattr(row, name, value)
        return row

    def _suggested_pk(self, node: Node) -> int | None:
        """The suggested thread, or None if it was emptied since (as SET_NULL does for rows)."""
        if node.suggested is None or self.archive.find(node.suggested) not in self.archive.threads:
            return None
        return self._thread_pk(node.suggested)


_SUBJECT_LENGTH = Thread._meta.get_field("subject").max_length
_FILL_FIELDS = [f.name for f in Message._meta.concrete_fields
                if f.name not in ("id", "group", "message_id")]


def _thread_row(info: ThreadInfo, **identity: Any) -> Thread:
    if info.started is None or info.last_activity is None:
        raise ValueError(f"thread {info.key} would hold no message")
    return Thread(subject=info.subject[:_SUBJECT_LENGTH],
                  started=info.started, month=Thread.month_of(info.started),
                  last_activity=info.last_activity, message_count=info.count, **identity)


# Reading a thread back.

@dataclass(frozen=True)
class TreeItem:
    """One line of a thread page: a message, or the placeholder of one we never got."""

    message: Message
    depth: int
    parent: TreeItem | None = None

    @property
    def is_placeholder(self) -> bool:
        return self.message.is_placeholder


def tree(thread: Thread) -> list[TreeItem]:
    """The thread depth-first, replies by date then pk, in one query (with each sender, whom the
    page names); a placeholder sorts by the first message below it."""
    messages = list(Message.objects.filter(thread=thread).select_related("sender"))
    pks = {message.pk for message in messages}
    replies: defaultdict[int | None, list[Message]] = defaultdict(list)
    for message in messages:
        replies[message.parent_id if message.parent_id in pks else None].append(message)
    order = _display_order(messages)
    items: list[TreeItem] = []
    stack: list[tuple[Message, int, TreeItem | None]] = [
        (root, 0, None) for root in sorted(replies[None], key=order, reverse=True)]
    while stack:
        message, depth, parent = stack.pop()
        item = TreeItem(message, depth, parent)
        items.append(item)
        stack.extend((reply, depth + 1, item)
                     for reply in sorted(replies[message.pk], key=order, reverse=True))
    return items


def _display_order(messages: list[Message]) -> Callable[[Message], tuple[datetime, int]]:
    by_pk: dict[int | None, Message] = {message.pk: message for message in messages}
    first: dict[int, datetime] = {}
    for message in messages:
        if message.is_placeholder or message.date is None:
            continue
        above = by_pk.get(message.parent_id)
        while above is not None and above.is_placeholder:
            first[above.pk] = min(first.get(above.pk, message.date), message.date)
            above = by_pk.get(above.parent_id)

    def order(message: Message) -> tuple[datetime, int]:
        return message.date or first.get(message.pk, _NEVER), message.pk

    return order


def api_parent(item: TreeItem) -> str | None:
    """The Message-ID an API client should see as the parent: placeholders are not messages, so
    a reply to one names its nearest real ancestor."""
    above = item.parent
    while above is not None and above.is_placeholder:
        above = above.parent
    return None if above is None else above.message.message_id
