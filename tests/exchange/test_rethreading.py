"""Threading stored messages again by References read anew from their bytes (what `reparse` does
once the parser reads more of them): the archive ends as if they had arrived with them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from learnlink.exchange.models import Message, Thread
from learnlink.exchange.thread_placement import Incoming, rethread_messages
from tests.exchange.factories import assert_consistent, make_group, outline, place, shape

START = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)


def mail(message_id: str, *references: str, subject: str = "Mbolea ya samadi",
         hours: float = 0) -> Incoming:
    return Incoming(message_id, references, subject, START + timedelta(hours=hours))


@pytest.mark.django_db
def test_a_stray_reply_moves_below_its_parent_with_the_replies_it_already_had() -> None:
    group = make_group()
    place(group, [mail("q@x"), mail("r@x", subject="Re: Mbolea ya samadi", hours=1),
                  mail("rr@x", "r@x", hours=2)], "batch")
    assert Thread.objects.filter(group=group).count() == 2
    assert Message.objects.get(message_id="r@x").suggested_thread is not None

    touched = rethread_messages(group, [mail("r@x", "q@x", subject="Re: Mbolea ya samadi",
                                             hours=1)])

    [thread] = Thread.objects.filter(group=group)
    assert touched == {thread.pk}
    assert shape(group) == ({"q@x": None, "r@x": "q@x", "rr@x": "r@x"},
                            {frozenset({"q@x", "r@x", "rr@x"})})
    moved = Message.objects.get(message_id="r@x")
    assert (moved.references, moved.suggested_thread) == ("q@x", None)
    assert_consistent(group)


@pytest.mark.django_db
def test_a_reply_named_again_toward_a_message_we_never_got_leaves_its_old_placeholder() -> None:
    group = make_group()
    place(group, [mail("q@x"), mail("r@x", "lost-1@x", hours=1)], "batch")

    rethread_messages(group, [mail("r@x", "lost-2@x", hours=1)])

    assert outline(group) == {(("q@x", 0, False),), (("lost-2@x", 0, True), ("r@x", 1, False))}
    assert_consistent(group)


@pytest.mark.django_db
def test_references_that_would_make_a_message_its_own_ancestor_leave_it_where_it_was() -> None:
    group = make_group()
    place(group, [mail("q@x"), mail("r@x", "q@x", hours=1)], "batch")

    rethread_messages(group, [mail("q@x", "r@x")])

    assert outline(group) == {(("q@x", 0, False), ("r@x", 1, False))}
    assert_consistent(group)
