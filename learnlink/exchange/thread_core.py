"""The threading rules in plain Python, without a database: which message answers which, and
which messages make one thread. `learnlink.exchange.thread_placement` runs it over the few nodes
a message or an import batch touches and writes what it changed; the tests run it directly.

See `learnlink.exchange.thread_placement` for the rules, and `thread_headers` for what a
message's subject and References say.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from learnlink.exchange.thread_headers import ancestry, has_reply_prefix, strip_reply_prefixes
from learnlink.exchange.thread_nodes import (
    NEVER,
    Changes,
    DuplicateMessage,
    Incoming,
    Node,
    ThreadInfo,
    subtree,
    summarise,
)

SUBJECT_WINDOW = timedelta(days=30)
"""How far back a reply without references looks for the thread of the same subject."""

def _free_root(node: Node) -> bool:
    """A root that References may hang below another message: not one a mentor placed (a
    thread split off by hand stays apart, whatever later replies name above it)."""
    return node.parent is None and not node.pinned


def _seniority(info: ThreadInfo) -> tuple[bool, datetime, int]:
    """Which thread row survives a merge: a stored one, then the one started first, so that
    links to the older, better known thread keep working."""
    return info.key < 0, info.started or NEVER, abs(info.key)


def _nothing_to_load(keys: list[int]) -> list[Node]:
    return []


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
        return self._link(item, node)

    def rethread(self, item: Incoming) -> Node:
        """Thread a stored message again by References read anew from its bytes (a parser that
        learnt to read more of them): it moves, with its replies, below the parent they name,
        as if it had arrived with them; its suggestion by subject is made again."""
        node = self.nodes[item.message_id]
        node.suggested = None
        self._changed(node)
        return self._link(item, node)

    def _link(self, item: Incoming, node: Node | None) -> Node:
        references = ancestry(item.references, item.message_id)
        missing = [ref for ref in references if ref not in self.nodes]
        pinned = node is not None and node.pinned
        chain = self._link_chain(references, hangs_below=not pinned)
        if node is None or node.placeholder:
            node = node or self._node(item.message_id)
            self._fill(node, item)
        if chain and not pinned:
            self._reparent(node, chain[-1])
        self._drop_unused(missing, [*chain, node])
        if has_reply_prefix(item.subject) and not pinned:
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

    def _link_chain(self, references: list[str], hangs_below: bool = True) -> list[Node]:
        """JWZ's linking: each reference hangs below the one before it, unless it has a parent
        already, a mentor placed it, or that would close a loop. The last one is the message's
        parent (`hangs_below`: unless a mentor placed the message).

        A reference we do not have becomes a placeholder only if something will hang below it
        (JWZ makes an empty container and prunes it at the end; we never make it)."""
        wanted: set[str] = set()
        for ref in reversed(references):
            node = self.nodes.get(ref)
            if node is None and hangs_below:
                wanted.add(ref)
            hangs_below = ref in wanted if node is None else _free_root(node)
        chain = [self._node(ref) if ref in wanted else self.nodes.get(ref) for ref in references]
        for older, newer in itertools.pairwise(chain):
            if older is not None and newer is not None and _free_root(newer):
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
            left = self.threads[key]
            self.threads[key] = summarise(key, left.root, rest)
            self.threads[key].name = left.name
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
        if top is None or top.pinned or not key:
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
