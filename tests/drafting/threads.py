"""Real threads for the drafter: the messages of an mbox or a maildir, parsed by our own parser
(which takes quotes and signatures off, as the mentor's workbench will) and grouped with every
message they reference, each thread in the order it was posted. `bench/drafting.py` reads the
benchmark archive with the same functions."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from learnlink.drafting.drafts import Post
from learnlink.exchange.thread_headers import strip_reply_prefixes, thread_references
from learnlink.mail.mbox import read_messages
from learnlink.mail.parsing import ParsedMessage, ParseError, parse

DEMO = Path(__file__).resolve().parents[2] / "learnlink" / "exchange" / "demo"
NOTMUCH = Path(__file__).resolve().parents[1] / "data" / "threading" / "notmuch" / "corpora"
EARLIEST = datetime.min.replace(tzinfo=UTC)


class Thread(NamedTuple):
    subject: str
    posts: list[Post]


def post_of(message: ParsedMessage) -> Post:
    return Post(message_id=message.message_id, author=message.from_address or message.from_name,
                text=message.new_text, date=message.date, in_reply_to=message.in_reply_to or "",
                quoted=message.quoted)


def threads_of(raw_messages: Iterable[bytes]) -> list[Thread]:
    """A message and every Message-ID it references are one thread, whatever their order."""
    parent: dict[str, str] = {}

    def root(message_id: str) -> str:
        while parent.setdefault(message_id, message_id) != message_id:
            message_id = parent[message_id]
        return message_id

    messages: list[tuple[str, Post]] = []  # subject and post: the parsed message is let go
    for raw in raw_messages:
        try:
            message = parse(raw)
        except ParseError:
            continue
        messages.append((message.subject, post_of(message)))
        for reference in thread_references(message.references, [message.in_reply_to or ""]):
            if reference:
                parent[root(reference)] = root(message.message_id)
    grouped: dict[str, list[tuple[str, Post]]] = {}
    for subject, post in messages:
        grouped.setdefault(root(post.message_id), []).append((subject, post))
    threads = []
    for key, thread in grouped.items():
        thread.sort(key=lambda item: item[1].date or EARLIEST)
        threads.append(Thread(strip_reply_prefixes(thread[0][0]),
                              [dataclasses.replace(post, thread=key) for _, post in thread]))
    return threads


def demo_threads(name: str) -> dict[str, list[Post]]:
    """The threads of one of the demo network's group discussions, by subject."""
    return dict(threads_of(read_messages(DEMO / f"{name}.mbox")))


def notmuch_threads(corpus: str) -> dict[str, list[Post]]:
    """The threads of one of notmuch's corpora (maildirs within maildirs), by subject."""
    files = sorted(path for path in (NOTMUCH / corpus).rglob("*") if path.is_file())
    return dict(threads_of(path.read_bytes() for path in files))
