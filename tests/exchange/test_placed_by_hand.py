"""The threading rules for what a mentor placed by hand (Node.pinned, from
Message.placed_by_hand), in plain Python: References never move it, never hang it below
another message, and threading offers it no thread by subject."""

from datetime import UTC, datetime

from learnlink.exchange.thread_core import Archive
from learnlink.exchange.thread_nodes import Incoming, Node, ThreadInfo

DAY = datetime(2004, 9, 14, tzinfo=UTC)


def split_archive() -> Archive:
    """"q" started thread 1; a mentor split its reply "m" off into thread 2."""
    return Archive([Node("q", 1, None, False, DAY, "Selling oranges"),
                    Node("m", 2, None, False, DAY, "Mangoes", pinned=True)],
                   [ThreadInfo(1, "q", "Selling oranges", "Selling oranges", "q", DAY, DAY, 1),
                    ThreadInfo(2, "m", "Mangoes", "Mangoes", "m", DAY, DAY, 1)])


def test_a_reply_naming_a_split_off_message_and_its_old_parent_joins_the_split_thread():
    archive = split_archive()

    reply = archive.place(Incoming("r", ["q", "m"], "Re: Mangoes", DAY))

    assert (archive.find(reply.thread), reply.parent) == (2, "m")
    assert archive.nodes["m"].parent is None
    assert archive.threads.keys() == {1, 2}


def test_references_read_again_do_not_move_a_message_a_mentor_placed():
    archive = split_archive()

    archive.rethread(Incoming("m", ["q"], "Re: Selling oranges", DAY))

    assert archive.nodes["m"].parent is None and archive.find(archive.nodes["m"].thread) == 2
    assert archive.nodes["m"].suggested is None, "no thread offered by subject either"
    assert "q" not in archive.changes.removed and len(archive.nodes) == 2


def test_a_name_a_mentor_gave_outranks_the_first_messages_subject():
    info = ThreadInfo(1, "q", "Selling oranges", name="Selling to Dar buyers")
    assert info.subject == "Selling to Dar buyers"
