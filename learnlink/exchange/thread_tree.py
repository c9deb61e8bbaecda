"""A thread read back for its page and the API: its messages in tree order, each with its depth
and parent. The order is the one a mail program's threaded view shows: replies below what they
answer, by date. `thread_placement` decided the tree; this only reads it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from learnlink.exchange.models import Message, Thread
from learnlink.exchange.thread_nodes import NEVER


@dataclass(frozen=True)
class TreeItem:
    """One line of a thread page: a message, or the placeholder of one we never got."""

    message: Message
    depth: int
    parent: TreeItem | None = None

    @property
    def is_placeholder(self) -> bool:
        return self.message.is_placeholder


def tree(thread: Thread, columns: Sequence[str] = ()) -> list[TreeItem]:
    """The thread depth-first, replies by date then Message-ID, in one query (with each sender,
    whom the page names); a placeholder sorts by the first message below it.

    `columns` loads only those (besides the ones the order needs): a page that shows stored
    HTML need not read every message's text and quotes a second time."""
    rows = Message.objects.filter(thread=thread).select_related("sender")
    messages = list(rows.only("parent", "is_placeholder", "date", "message_id", *columns)
                    if columns else rows)
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


def _display_order(messages: list[Message]) -> Callable[[Message], tuple[datetime, str]]:
    by_pk: dict[int | None, Message] = {message.pk: message for message in messages}
    first: dict[int, datetime] = {}
    for message in messages:
        if message.is_placeholder or message.date is None:
            continue
        above = by_pk.get(message.parent_id)
        while above is not None and above.is_placeholder:
            first[above.pk] = min(first.get(above.pk, message.date), message.date)
            above = by_pk.get(above.parent_id)

    def order(message: Message) -> tuple[datetime, str]:
        # Ties by Message-ID, not pk: the same mail must show the same way in whatever order
        # it arrived (live mail and an import of the same archive number rows differently).
        return message.date or first.get(message.pk, NEVER), message.message_id

    return order


def api_parent(item: TreeItem) -> str | None:
    """The Message-ID an API client should see as the parent: placeholders are not messages, so
    a reply to one names its nearest real ancestor."""
    above = item.parent
    while above is not None and above.is_placeholder:
        above = above.parent
    return None if above is None else above.message.message_id
