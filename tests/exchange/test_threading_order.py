"""Threading does not depend on the order mail arrives in: every delivery order of a thread gives
the same tree, in memory and through the database, one message at a time or in batches.

Loops are left out: breaking one necessarily depends on which message came first."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnlink.exchange.models import Group, Thread
from learnlink.exchange.thread_core import Archive
from learnlink.exchange.thread_nodes import Incoming
from learnlink.exchange.thread_tree import tree
from tests.exchange.factories import (
    assert_consistent,
    corpus,
    make_group,
    outline,
    place,
    read_maildir,
    read_mbox,
)

START = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)

Links = dict[str, tuple[str | None, bool]]  # Message-ID: (parent's Message-ID, placeholder)
Structure = tuple[Links, set[frozenset[str]]]


def in_memory(items: list[Incoming]) -> Structure:
    archive = Archive()
    for item in items:
        archive.place(item)
    threads = defaultdict(set)
    for node in archive.nodes.values():
        threads[archive.find(node.thread)].add(node.message_id)
    return ({node.message_id: (node.parent, node.placeholder) for node in archive.nodes.values()},
            {frozenset(members) for members in threads.values()})


def stored(group: Group) -> Structure:
    links: Links = {}
    threads = set()
    for thread in Thread.objects.filter(group=group):
        items = tree(thread)
        links.update((item.message.message_id, (
            None if item.parent is None else item.parent.message.message_id, item.is_placeholder))
            for item in items)
        threads.add(frozenset(item.message.message_id for item in items))
    return links, threads


@st.composite
def conversations(draw: st.DrawFn, trimmed: bool = False) -> list[Incoming]:
    """A thread of up to 12 messages shaped as a random tree, some never received (they become
    placeholders); each received one refers to all its ancestors or, as mail programs that trim
    References do, to the nearest few."""
    size = draw(st.integers(1, 12))
    parents = [None, *(draw(st.integers(0, n - 1)) for n in range(1, size))]
    received = draw(st.lists(st.booleans(), min_size=size, max_size=size).filter(any))
    items = []
    for n in itertools.compress(range(size), received):
        ancestors: list[int] = []
        above = parents[n]
        while above is not None:
            ancestors.insert(0, above)
            above = parents[above]
        kept = draw(st.integers(min(1, len(ancestors)), len(ancestors))) if trimmed else len(
            ancestors)
        items.append(Incoming(f"m{n}@x", [f"m{a}@x" for a in ancestors[len(ancestors) - kept:]],
                              "Mbolea ya samadi", START + timedelta(hours=n)))
    return items


@cache
def real_threads() -> list[list[Incoming]]:
    """The threads of 3 to 12 messages in the corpora of tests/data, loops left out."""
    folders = [("notmuch", "corpora", "default"), ("notmuch", "corpora", "lkml"),
               ("notmuch", "corpora", "threading")]
    mailboxes = [read_maildir(corpus(*folder)) for folder in folders]
    mailboxes.append(read_mbox(corpus("mailbox-perl", "mbox.src")))
    threads = []
    for items in mailboxes:
        unique = list({item.message_id: item for item in reversed(items)}.values())[::-1]
        _, members = in_memory(unique)
        threads += [[item for item in unique if item.message_id in thread] for thread in members]
    return [thread for thread in threads if 3 <= len(thread) <= 12]


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_any_delivery_order_of_a_generated_thread_gives_the_same_single_tree(
        data: st.DataObject) -> None:
    items = data.draw(conversations())
    expected = in_memory(items)
    assert len(expected[1]) == 1
    assert in_memory(data.draw(st.permutations(items))) == expected


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_any_delivery_order_with_trimmed_references_gives_the_same_trees(
        data: st.DataObject) -> None:
    items = data.draw(conversations(trimmed=True))
    assert in_memory(data.draw(st.permutations(items))) == in_memory(items)


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_any_delivery_order_of_a_real_thread_gives_the_same_tree(data: st.DataObject) -> None:
    items = data.draw(st.sampled_from(real_threads()))
    expected = in_memory(items)
    assert len(expected[1]) == 1
    assert in_memory(data.draw(st.permutations(items))) == expected


@pytest.mark.django_db
@settings(max_examples=15, deadline=None)
@given(st.data())
def test_any_delivery_order_gives_the_same_tree_live_and_in_batches(data: st.DataObject) -> None:
    items = data.draw(st.one_of(conversations(), conversations(trimmed=True),
                                st.sampled_from(real_threads())))
    order = data.draw(st.permutations(items))
    split = data.draw(st.integers(0, len(order)))
    live, batch = make_group(), make_group()
    place(live, order, "live")
    place(batch, order[:split], "batch")
    place(batch, order[split:], "batch")
    assert stored(live) == stored(batch) == in_memory(items)


@pytest.mark.django_db
def test_every_delivery_order_of_a_four_message_thread_makes_one_thread() -> None:
    """notmuch asks this of its own threading; here with its "Mac OS X/Darwin" thread."""
    items = read_maildir(corpus("notmuch", "corpora", "default"))
    thread = [item for item in items if "Mac OS X/Darwin" in item.subject]
    assert len(thread) == 4
    expected = in_memory(thread)
    assert len(expected[1]) == 1
    for order in itertools.permutations(thread):
        group = make_group()
        place(group, list(order), "live")
        assert stored(group) == in_memory(list(order)) == expected


@st.composite
def messy_mail(draw: st.DrawFn) -> list[Incoming]:
    """Mail as it comes: ids reused (duplicates), References naming the message itself, each
    other in loops, or anything at all; "Re:" subjects with and without references."""
    ids = st.sampled_from([f"i{n}@x" for n in range(10)])
    subjects = st.sampled_from(["Mbolea", "Re: Mbolea", "Jibu: mbolea", "Bei", "Re: Bei", ""])
    return [Incoming(draw(ids), draw(st.lists(ids, max_size=4)), draw(subjects),
                     START + timedelta(days=draw(st.integers(0, 40))))
            for _ in range(draw(st.integers(1, 15)))]


@pytest.mark.django_db
@settings(max_examples=30, deadline=None)
@given(st.data())
def test_messy_mail_leaves_the_same_consistent_archive_live_and_in_batches(
        data: st.DataObject) -> None:
    items = data.draw(messy_mail())
    join_by_subject = data.draw(st.booleans())
    split = data.draw(st.integers(0, len(items)))
    live, whole, halves = (make_group(join_by_subject=join_by_subject) for _ in range(3))
    placed = [place(live, items, "live"), place(whole, items, "batch"),
              place(halves, items[:split], "batch") + place(halves, items[split:], "batch")]
    assert len({tuple(type(result) for result in results) for results in placed}) == 1
    assert outline(live) == outline(whole) == outline(halves)
    for group in (live, whole, halves):
        assert_consistent(group)
