"""Test material for threading: a group per test, and other projects' threading corpora
(tests/data/threading, see tests/data/README.md) as messages to place."""

from __future__ import annotations

import email.header
import email.utils
import itertools
import mailbox
import re
from datetime import UTC, datetime
from email.message import Message as EmailMessage
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path
from typing import Any

from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.thread_headers import strip_reply_prefixes, thread_references
from learnlink.exchange.thread_placement import (
    DuplicateMessage,
    Incoming,
    place_message,
    place_messages,
)
from learnlink.exchange.thread_tree import api_parent, tree
from tests.conftest import TEST_DATA

CORPORA = TEST_DATA / "threading"
_ID = re.compile(r"<([^<>]*)>")
_groups = itertools.count(1)


def make_group(**fields: Any) -> Group:
    number = next(_groups)
    return Group.objects.create(name=f"Kilulu growers {number}", slug=f"kilulu-{number}", **fields)


def place(group: Group, items: list[Incoming], path: str) -> list[Message | DuplicateMessage]:
    """Place messages one by one as mail arrives ("live") or as one import ("batch")."""
    if path == "batch":
        return place_messages(group, items)
    placed: list[Message | DuplicateMessage] = []
    for item in items:
        try:
            placed.append(place_message(group, message_id=item.message_id,
                                        references=item.references, subject=item.subject,
                                        date=item.date, **item.fields))
        except DuplicateMessage as duplicate:
            placed.append(duplicate)
    return placed


def corpus(*parts: str) -> Path:
    return CORPORA.joinpath(*parts)


def message_ids(header: str | None) -> list[str]:
    """The ids in a References or In-Reply-To header; folding may split an id, so no spaces."""
    return ["".join(found.split()) for found in _ID.findall(header or "")]


def incoming(headers: EmailMessage, position: int, fallback_date: datetime | None = None,
             ) -> Incoming:
    """A message as place_message sees it; one without Message-ID gets "__nomid<position>"
    (0-based, as mailbox-perl's expected map names it)."""
    own = message_ids(headers["Message-ID"])
    subject = str(email.header.make_header(email.header.decode_header(headers["Subject"] or "")))
    return Incoming(
        message_id=own[0] if own else f"__nomid{position}",
        references=thread_references(message_ids(headers["References"]),
                                     message_ids(headers["In-Reply-To"])),
        subject=subject, date=_date(headers["Date"]) or fallback_date or datetime.now(UTC))


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        date = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return date if date.tzinfo else date.replace(tzinfo=UTC)


def read_mbox(path: Path) -> list[Incoming]:
    """An mbox in order; a message without Date is dated by its "From " line (RFC 5256 does)."""
    box = mailbox.mbox(path, create=False)
    try:
        return [incoming(message, position, _date(" ".join(message.get_from().split()[1:])))
                for position, message in enumerate(box)]
    finally:
        box.close()


def read_maildir(folder: Path) -> list[Incoming]:
    """Every file under `folder` (maildir cur/ and new/ included), in path order."""
    parser = BytesHeaderParser(policy=compat32)
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    items = []
    for position, path in enumerate(files):
        with path.open("rb") as handle:
            items.append(incoming(parser.parse(handle), position))
    return items


def rfc5256_threads(answer: str) -> tuple[dict[int, int | None], list[set[int]]]:
    """Parse "* THREAD (3 2)(1)" into each number's nearest real ancestor and the threads.

    In RFC 5256 a run of numbers is a chain, a nested list holds the replies to the number before
    it, and a list that starts with a list is a dummy (a missing parent)."""
    stack: list[list[Any]] = [[]]
    for token in re.findall(r"\(|\)|\d+", answer):
        if token == "(":
            stack[-1].append([])
            stack.append(stack[-1][-1])
        elif token == ")":
            stack.pop()
        else:
            stack[-1].append(int(token))
    parents: dict[int, int | None] = {}

    def walk(run: list[Any], parent: int | None) -> None:
        for element in run:
            if isinstance(element, int):
                parents[element] = parent
                parent = element
            else:
                walk(element, parent)

    threads = []
    for run in stack[0]:
        before = set(parents)
        walk(run, None)
        threads.append(set(parents) - before)
    return parents, threads


def imaptest(name: str) -> tuple[list[Incoming], str]:
    """A vector's messages (those appended before the first THREAD, if the script appends) and
    its first expected REFERENCES answer; later answers follow expunges, which we do not do."""
    script = corpus("imaptest", name).read_text()
    items = read_mbox(corpus("imaptest", f"{name}.mbox"))
    head, _, rest = script.partition("ok thread references")
    if "state: created" in head:
        items = items[:head.count("ok append")]
    answer = next(line for line in rest.splitlines() if line.lower().startswith("* thread"))
    return items, answer


def shape(group: Group) -> tuple[dict[str, str | None], set[frozenset[str]]]:
    """Each real message's nearest real ancestor, and the real messages of each thread, read
    through tree(): what a reader and the API see."""
    parents: dict[str, str | None] = {}
    threads = set()
    for thread in Thread.objects.filter(group=group):
        real = [item for item in tree(thread) if not item.is_placeholder]
        parents.update((item.message.message_id, api_parent(item)) for item in real)
        threads.add(frozenset(item.message.message_id for item in real))
    return parents, threads


def assert_consistent(group: Group) -> None:
    """What every archive must hold: each thread one tree reaching all its rows, no placeholder
    without replies, and thread fields that follow its real messages."""
    for thread in Thread.objects.filter(group=group):
        items = tree(thread)
        assert len(items) == thread.messages.count()
        assert [item.depth for item in items].count(0) == 1
        real = [item.message for item in items if not item.is_placeholder]
        assert all(item.message.replies.exists() for item in items if item.is_placeholder)
        assert thread.message_count == len(real)
        assert thread.started == min(message.date for message in real)
        assert thread.last_activity == max(message.date for message in real)
        root = items[0].message
        named_by = root if not root.is_placeholder else min(
            real, key=lambda message: (message.date, message.message_id))
        assert thread.subject == strip_reply_prefixes(named_by.subject)


def outline(group: Group) -> set[tuple[tuple[str, int, bool], ...]]:
    """Every thread's tree as (Message-ID, depth, placeholder) lines: what the page shows."""
    return {tuple((item.message.message_id, item.depth, item.is_placeholder)
                  for item in tree(thread)) for thread in Thread.objects.filter(group=group)}
