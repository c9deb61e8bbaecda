"""Threading a group's archive: other projects' vectors (Dovecot's imaptest, Mail::Box,
notmuch) and the cases Learnlink's own rules add (placeholders, late parents, loops, subjects,
query counts)."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.thread_headers import has_reply_prefix, strip_reply_prefixes
from learnlink.exchange.thread_placement import (
    DuplicateMessage,
    Incoming,
    place_message,
    place_messages,
)
from learnlink.exchange.thread_tree import TreeItem, api_parent, tree
from tests.exchange.factories import (
    assert_consistent,
    corpus,
    imaptest,
    make_group,
    outline,
    place,
    read_maildir,
    read_mbox,
    rfc5256_threads,
    shape,
)

PATHS = ["live", "batch"]
START = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)


def mail(message_id: str, *references: str, subject: str = "Mbolea ya samadi", hours: float = 0,
         **fields: Any) -> Incoming:
    return Incoming(message_id, references, subject, START + timedelta(hours=hours), fields)


def row(group: Group, message_id: str) -> Message:
    return Message.objects.get(group=group, message_id=message_id)


def lines(group: Group) -> dict[str, TreeItem]:
    return {item.message.message_id: item
            for thread in Thread.objects.filter(group=group) for item in tree(thread)}


# The RFC 5256 REFERENCES vectors of Dovecot's imaptest.

@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("vector",
                         ["thread", "thread2", "thread5", "thread6", "thread7", "thread8"])
def test_imaptest_vectors_nest_and_group_as_rfc5256_says_once_duplicates_are_dropped(
        vector: str, path: str) -> None:
    items, answer = imaptest(vector)
    group = make_group()
    placed = place(group, items, path)
    assert [isinstance(result, DuplicateMessage) for result in placed] == [
        item.message_id in {earlier.message_id for earlier in items[:n]}
        for n, item in enumerate(items)]
    kept = {n: item.message_id for n, item in enumerate(items, 1)
            if not isinstance(placed[n - 1], DuplicateMessage)}
    expected_parents, expected_threads = rfc5256_threads(answer)
    assert shape(group) == (
        {kept[n]: None if parent is None else kept[parent]
         for n, parent in expected_parents.items() if n in kept},
        {frozenset(kept[n] for n in thread if n in kept)
         for thread in expected_threads if thread & kept.keys()})
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_second_message_with_a_known_id_is_a_duplicate_even_with_a_reply_subject(
        path: str) -> None:
    items, _ = imaptest("thread3")  # RFC 5256 merges it by subject; the same id is one message
    group = make_group()
    first, second = place(group, items, path)
    assert isinstance(second, DuplicateMessage)
    assert list(Message.objects.filter(group=group)) == [first]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_reply_to_a_missing_message_is_offered_the_thread_of_its_subject_not_merged(
        path: str) -> None:
    items, _ = imaptest("thread4")  # RFC 5256 merges "Re: foo" below a missing parent into "foo"
    group = make_group()
    first, reply = place(group, items, path)
    assert isinstance(first, Message) and isinstance(reply, Message)
    assert shape(group) == ({"a@b": None, "b@b": None}, {frozenset({"a@b"}), frozenset({"b@b"})})
    assert reply.suggested_thread_id == first.thread_id
    assert row(group, "c@b").is_placeholder


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_with_join_by_subject_a_reply_to_a_missing_message_joins_the_thread_of_its_subject(
        path: str) -> None:
    items, _ = imaptest("thread4")
    group = make_group(join_by_subject=True)
    place(group, items, path)
    assert shape(group) == ({"a@b": None, "b@b": "a@b"}, {frozenset({"a@b", "b@b"})})
    assert [(item.message.message_id, item.depth) for item in lines(group).values()] == [
        ("a@b", 0), ("c@b", 1), ("b@b", 2)]
    assert_consistent(group)


# Mail::Box's folder: 28 threads by headers only.

@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_mail_box_folder_gives_its_28_threads_with_placeholders_for_missing_parents(
        path: str) -> None:
    items = read_mbox(corpus("mailbox-perl", "mbox.src"))
    expected = json.loads(corpus("mailbox-perl", "expected_parent_map.json").read_text())
    messages = [expected["messages"][str(n)] for n in range(len(items))]
    assert [item.message_id for item in items] == [message["message_id"] for message in messages]
    group = make_group()
    place(group, items, path)
    parents, threads = shape(group)
    assert len(threads) == expected["threads"] == 28
    assert parents == {
        message["message_id"]: None if message["parent_position"] is None
        else messages[message["parent_position"]]["message_id"] for message in messages}
    found = lines(group)
    for message in messages:
        above = found[message["message_id"]].parent
        missing = []
        while above is not None and above.is_placeholder:
            missing.append(above.message.message_id)
            above = above.parent
        assert missing == message["missing_ancestors_between"], message["message_id"]
    assert_consistent(group)


# notmuch's corpora.

def notmuch_tree(title: str) -> list[str]:
    """The subjects of one of notmuch's expected trees (T510), in display order."""
    text = corpus("notmuch", "expected", "T510-threading-corpus-expected-trees.txt").read_text()
    section = text.split(f"### notmuch-tree {title}")[1].split("###")[0]
    return re.findall(r"►(.+?)\s{2,}\(inbox", section)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_notmuch_ghost_roots_keep_replies_to_missing_messages_in_one_thread(path: str) -> None:
    items = read_maildir(corpus("notmuch", "corpora", "threading", "ghost-root"))
    group = make_group()
    place(group, items, path)
    parents, threads = shape(group)
    child, autoreply, fyi = ("001-child@example.org", items[1].message_id, items[0].message_id)
    assert parents == {
        "000-real-root@example.org": None, child: "000-real-root@example.org",
        "001-fake-message-root@example.org": child, "001-grand-child@example.org": child,
        "001-grand-child2@example.org": child,
        "001-great-grand-child@example.org": "001-grand-child@example.org",
        fyi: None, autoreply: fyi, items[2].message_id: None}
    assert len(threads) == 2
    real_root = Thread.objects.get(messages__message_id="000-real-root@example.org")
    assert [item.message.subject for item in tree(real_root) if not item.is_placeholder] == (
        notmuch_tree('"id:000-real-root@example.org"'))
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_references_outrank_in_reply_to_even_where_notmuch_trusts_in_reply_to(path: str) -> None:
    """notmuch hangs "child" below "root" by its In-Reply-To; its References name a mistyped id,
    and References win here, as the issue says: one thread all the same, every message below the
    last id of its own References."""
    items = read_maildir(corpus("notmuch", "corpora", "threading", "parent-priority", "cur"))
    by_subject = {item.subject: item.message_id for item in items}
    group = make_group()
    place(group, items, path)
    assert shape(group) == (
        {by_subject["child message"]: None, by_subject["root message"]: by_subject["child message"],
         by_subject["grand-child message"]: by_subject["root message"]},
        {frozenset(by_subject.values())})
    assert row(group, "B00--root@example.org").is_placeholder


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_notmuchs_in_reply_to_loop_is_broken_in_either_order(order: list[int], path: str) -> None:
    """The first hangs below the placeholder of the second; the second, when it comes, would
    close the loop by hanging below the first, so it stays the root."""
    items = read_maildir(corpus("notmuch", "corpora", "broken", "loop"))
    first, second = (items[n].message_id for n in order)
    group = make_group()
    place(group, [items[n] for n in order], path)
    assert shape(group) == ({first: second, second: None}, {frozenset({first, second})})
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_notmuch_default_corpus_gives_the_threads_notmuch_search_lists(path: str) -> None:
    items = read_maildir(corpus("notmuch", "corpora", "default"))
    listed = corpus("notmuch", "expected", "notmuch-search-tag-inbox").read_text()
    expected = [(int(count), rest) for count, rest in
                re.findall(r"\[(\d+)/\d+\]\s+(.*) \([^()]*\)$", listed, re.MULTILINE)]
    group = make_group()
    place(group, items, path)
    for thread in Thread.objects.filter(group=group):
        match = next(line for line in expected
                     if line[0] == thread.message_count and line[1].endswith(thread.subject))
        expected.remove(match)
    assert expected == []
    assert_consistent(group)


@pytest.mark.django_db
def test_notmuch_maildir_storage_thread_nests_seven_messages_four_deep() -> None:
    items = read_maildir(corpus("notmuch", "corpora", "default"))
    shown = corpus("notmuch", "expected", "notmuch-show-thread-maildir-storage").read_text()
    depths = [len(indent) for indent in
              re.findall(r"^( *)\S[^\n]*\(\d{4}-\d\d-\d\d\) \(", shown, re.MULTILINE)]
    group = make_group()
    place_messages(group, items)
    thread = Thread.objects.get(group=group, subject="[notmuch] Working with Maildir storage?")
    assert [item.depth for item in tree(thread)] == depths == [0, 1, 2, 3, 3, 4, 1]


@pytest.mark.django_db
def test_notmuch_lkml_corpus_keeps_one_of_each_duplicate_and_parents_by_last_reference() -> None:
    items = read_maildir(corpus("notmuch", "corpora", "lkml"))
    group = make_group()
    placed = place_messages(group, items)
    assert sum(isinstance(result, DuplicateMessage) for result in placed) == 34
    assert Message.objects.filter(group=group, is_placeholder=False).count() == 176
    for item, result in zip(items, placed, strict=True):
        if isinstance(result, Message):
            parent = Message.objects.filter(pk=result.parent_id).values_list("message_id")
            assert [found for found, in parent] == list(item.references[-1:])
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("folder", [("mailbox-perl", "mbox.src"),
                                    ("notmuch", "corpora", "default"),
                                    ("notmuch", "corpora", "lkml"),
                                    ("notmuch", "corpora", "threading")])
def test_live_and_batch_placing_give_identical_trees(folder: tuple[str, ...]) -> None:
    path = corpus(*folder)
    items = read_mbox(path) if path.is_file() else read_maildir(path)
    live, batch, chunked = make_group(), make_group(), make_group()
    place(live, items, "live")
    place(batch, items, "batch")
    for start in range(0, len(items), 7):
        place_messages(chunked, items[start:start + 7])
    assert outline(live) == outline(batch) == outline(chunked)


# Learnlink's rules, case by case.

@pytest.mark.django_db
def test_a_message_that_references_itself_is_not_its_own_parent() -> None:
    group = make_group()
    message = place_message(group, message_id="a@x", references=["a@x"], subject="Mbolea",
                            date=START)
    assert message.parent_id is None
    assert Message.objects.filter(group=group).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_reference_loop_through_three_messages_is_broken(path: str) -> None:
    group = make_group()
    place(group, [mail("a@x", "c@x"), mail("b@x", "a@x", hours=1), mail("c@x", "b@x", hours=2)],
          path)
    parents, threads = shape(group)
    assert threads == {frozenset({"a@x", "b@x", "c@x"})}
    assert parents == {"c@x": None, "a@x": "c@x", "b@x": "a@x"}
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_reply_to_a_message_never_received_hangs_below_a_placeholder_that_its_arrival_fills(
        path: str) -> None:
    group = make_group()
    [reply] = place(group, [mail("jibu@x", "swali@x", subject="Re: Swali", hours=1)], path)
    placeholder = row(group, "swali@x")
    assert (placeholder.is_placeholder, placeholder.inbound, placeholder.text) == (True, None, "")
    assert [(item.message.message_id, item.is_placeholder) for item in lines(group).values()] == [
        ("swali@x", True), ("jibu@x", False)]
    assert api_parent(lines(group)["jibu@x"]) is None
    [question] = place(group, [mail("swali@x", subject="Swali", text="Mbegu gani?")], path)
    assert question.pk == placeholder.pk
    assert isinstance(reply, Message)
    assert row(group, "jibu@x").parent_id == question.pk
    assert (question.is_placeholder, question.text) == (False, "Mbegu gani?")
    assert api_parent(lines(group)["jibu@x"]) == "swali@x"
    thread = Thread.objects.get(group=group)
    assert (thread.subject, thread.message_count, thread.started) == ("Swali", 2, START)
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_two_replies_to_the_same_missing_message_share_one_thread_and_one_placeholder(
        path: str) -> None:
    group = make_group()
    place(group, [mail("a@x", "lost@x"), mail("b@x", "lost@x", hours=1)], path)
    assert shape(group) == ({"a@x": None, "b@x": None}, {frozenset({"a@x", "b@x"})})
    assert Message.objects.filter(group=group, is_placeholder=True).count() == 1
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_late_reply_whose_references_name_two_threads_merges_them_into_the_older(
        path: str) -> None:
    group = make_group()
    place(group, [mail("a@x", hours=1), mail("b@x", "a@x", hours=2), mail("c@x", hours=3)], path)
    older, newer = row(group, "a@x").thread, row(group, "c@x").thread
    place(group, [mail("d@x", "a@x", "c@x", hours=4)], path)
    assert shape(group) == ({"a@x": None, "b@x": "a@x", "c@x": "a@x", "d@x": "c@x"},
                            {frozenset({"a@x", "b@x", "c@x", "d@x"})})
    older.refresh_from_db()
    assert (older.message_count, older.started, older.last_activity) == (
        4, START + timedelta(hours=1), START + timedelta(hours=4))
    assert not Thread.objects.filter(pk=newer.pk).exists()
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_parent_arriving_late_adopts_its_replies_and_brings_their_thread_into_its_own(
        path: str) -> None:
    group = make_group()
    place(group, [mail("a@x", hours=1), mail("c@x", "b@x", hours=2), mail("e@x", hours=3)], path)
    suggestion = place(group, [mail("f@x", subject="Re: Mbolea ya samadi", hours=4)], path)[0]
    place(group, [mail("b@x", "a@x", hours=0)], path)
    assert shape(group)[1] == {frozenset({"a@x", "b@x", "c@x"}), frozenset({"e@x"}),
                               frozenset({"f@x"})}
    thread = row(group, "a@x").thread
    assert (thread.message_count, thread.started, thread.last_activity) == (
        3, START, START + timedelta(hours=2))
    assert isinstance(suggestion, Message)
    assert row(group, "f@x").suggested_thread_id == row(group, "e@x").thread_id
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_messages_own_references_override_where_others_hung_it(path: str) -> None:
    group = make_group()
    place(group, [mail("p@x", hours=1), mail("y@x", "w@x", "x@x", hours=2),
                  mail("z@x", "w@x", hours=3), mail("x@x", "p@x", hours=4)], path)
    assert shape(group) == ({"p@x": None, "x@x": "p@x", "y@x": "x@x", "z@x": None},
                            {frozenset({"p@x", "x@x", "y@x"}), frozenset({"z@x"})})
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_placeholder_left_without_replies_is_removed_with_its_thread(path: str) -> None:
    group = make_group()
    place(group, [mail("p@x", hours=1), mail("y@x", "w@x", "x@x", hours=2)], path)
    place(group, [mail("x@x", "p@x", hours=3)], path)
    assert not Message.objects.filter(group=group, message_id="w@x").exists()
    assert Thread.objects.filter(group=group).count() == 1
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_message_already_archived_raises_duplicate_and_stores_nothing(path: str) -> None:
    group = make_group()
    place(group, [mail("a@x", text="Kwanza")], path)
    [again] = place(group, [mail("a@x", hours=1, text="Tena")], path)
    assert isinstance(again, DuplicateMessage)
    assert again.message_id == "a@x"
    assert [message.text for message in Message.objects.filter(group=group)] == ["Kwanza"]
    assert Thread.objects.get(group=group).message_count == 1


@pytest.mark.django_db
def test_place_message_raises_duplicate_for_a_known_message() -> None:
    group = make_group()
    place_message(group, message_id="a@x", references=[], subject="Mbolea", date=START)
    with pytest.raises(DuplicateMessage):
        place_message(group, message_id="a@x", references=[], subject="Mbolea", date=START)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_re_without_references_gets_its_own_thread_and_the_latest_same_subject_as_suggestion(
        path: str) -> None:
    group = make_group()
    place(group, [mail("old@x", subject="Bei ya mahindi", hours=0),
                  mail("new@x", subject="bei ya  MAHINDI", hours=24 * 5),
                  mail("other@x", subject="Bei ya maharage", hours=24 * 6)], path)
    [reply] = place(group, [mail("re@x", subject="Re: Bei ya mahindi", hours=24 * 7)], path)
    assert isinstance(reply, Message)
    assert reply.parent_id is None
    assert reply.thread.message_count == 1
    assert reply.suggested_thread_id == row(group, "new@x").thread_id


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_re_without_references_is_not_offered_a_thread_quiet_for_over_30_days(path: str) -> None:
    group = make_group()
    [reply] = place(group, [mail("old@x", subject="Bei ya mahindi"),
                            mail("re@x", subject="Re: Bei ya mahindi", hours=24 * 31)], path)[1:]
    assert isinstance(reply, Message)
    assert reply.suggested_thread_id is None


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_reply_whose_link_would_close_a_loop_is_still_offered_a_thread_by_subject(
        path: str) -> None:
    """m@x names a real parent, c@x, but c@x already hangs below m@x: m@x stays a root, with
    nothing real above it, and is offered the thread of its subject like any such reply."""
    group = make_group()
    place(group, [mail("old@x", subject="Bei ya mahindi"), mail("c@x", subject="Mbegu")], path)
    [_x, m] = place(group, [mail("x@x", "m@x", "c@x", subject="Re: Mbegu", hours=1),
                            mail("m@x", "c@x", subject="Re: Bei ya mahindi", hours=2)], path)
    assert isinstance(m, Message)
    assert (row(group, "m@x").parent_id, row(group, "c@x").parent_id) == (None, m.pk)
    assert m.suggested_thread_id == row(group, "old@x").thread_id
    assert_consistent(group)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_with_join_by_subject_re_without_references_joins_as_a_reply_to_the_threads_root(
        path: str) -> None:
    group = make_group(join_by_subject=True)
    place(group, [mail("root@x", subject="Bei ya mahindi"),
                  mail("answer@x", "root@x", subject="Re: Bei ya mahindi", hours=1)], path)
    [reply] = place(group, [mail("re@x", subject="Jibu: Bei ya mahindi", hours=2)], path)
    assert isinstance(reply, Message)
    assert (row(group, "re@x").parent_id, reply.suggested_thread_id) == (
        row(group, "root@x").pk, None)
    assert Thread.objects.get(group=group).message_count == 3
    assert_consistent(group)


@pytest.mark.parametrize(("subject", "stripped"), [
    ("Jibu: Mbolea ya samadi", "Mbolea ya samadi"),
    ("JIBU: Re: Mbolea ya samadi", "Mbolea ya samadi"),
    ("Réf : Semences de maïs", "Semences de maïs"),
    ("TR: Fwd: Semences de maïs", "Semences de maïs"),
    ("AW: WG: Saatgut", "Saatgut"),
    ("Aw: Antwort: Saatgut", "Saatgut"),
    ("RE[2]: Re(3): Sv: Re :  Bei   ya mahindi", "Bei ya mahindi"),
])
def test_reply_prefixes_in_swahili_french_and_german_are_stripped_repeatedly(
        subject: str, stripped: str) -> None:
    assert has_reply_prefix(subject)
    assert strip_reply_prefixes(subject) == stripped


@pytest.mark.parametrize("subject", ["Reminder: mkutano", "Trees: miti", "Return of the rains",
                                     "Ref 12 seeds", "Mbolea: Re: bei"])
def test_subjects_that_merely_start_like_a_prefix_are_left_alone(subject: str) -> None:
    assert not has_reply_prefix(subject)
    assert strip_reply_prefixes(subject) == subject


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_a_thread_is_named_by_its_root_or_while_that_is_missing_by_its_earliest_message(
        path: str) -> None:
    group = make_group()
    place(group, [mail("b@x", "a@x", subject="Jibu: Semences", hours=2),
                  mail("c@x", "a@x", subject="Réf : Semences de maïs", hours=1)], path)
    thread = Thread.objects.get(group=group)
    assert (thread.subject, thread.started) == ("Semences de maïs", START + timedelta(hours=1))
    place(group, [mail("a@x", subject="Semences améliorées", hours=3)], path)
    thread.refresh_from_db()
    assert (thread.subject, thread.message_count, thread.last_activity) == (
        "Semences améliorées", 3, START + timedelta(hours=3))


@pytest.mark.django_db
def test_a_thread_page_of_100_messages_reads_its_tree_in_at_most_two_queries(
        django_assert_max_num_queries: Any) -> None:
    group = make_group()
    items = [mail("m0@x")] + [mail(f"m{n}@x", "m0@x", f"m{(n - 1) // 2}@x", hours=n)
                              for n in range(1, 100)]
    place_messages(group, [*items[:50], mail("gone@x", "m0@x", "lost@x", hours=200), *items[50:]])
    thread = Thread.objects.get(group=group)
    with django_assert_max_num_queries(2):
        items_shown = tree(thread)
    assert len(items_shown) == 102
    assert [item.depth for item in items_shown[:4]] == [0, 1, 2, 3]
    assert [item.message.message_id for item in items_shown if item.depth == 1] == [
        "m1@x", "m2@x", "lost@x"]  # a placeholder sorts by the first message below it


@pytest.mark.django_db
def test_a_reply_to_a_placeholder_names_its_nearest_real_ancestor_in_the_api() -> None:
    group = make_group()
    place_messages(group, [mail("a@x"), mail("c@x", "a@x", "b@x", hours=1)])
    found = lines(group)
    assert found["b@x"].is_placeholder
    assert (found["c@x"].depth, api_parent(found["c@x"]), api_parent(found["a@x"])) == (
        2, "a@x", None)


@pytest.mark.django_db
def test_placing_one_reply_makes_a_bounded_number_of_queries(
        django_assert_max_num_queries: Any) -> None:
    group = make_group()
    place_messages(group, [mail("a@x"), mail("b@x", "a@x", hours=1)])
    # Threading's 8, and 2 of the archive hooks (mentoring's questions: settings, open ones).
    with django_assert_max_num_queries(10):
        place_message(group, message_id="c@x", references=["a@x", "b@x"], subject="Re: Mbolea",
                      date=START + timedelta(hours=2), text="Asante")


@pytest.mark.django_db
@pytest.mark.parametrize("size", [30, 600])
def test_placing_a_batch_reads_in_a_fixed_number_of_queries_and_writes_in_bulk(size: int) -> None:
    """Replies, late parents that move their replies to another thread, and "Re:" without
    references: the reads do not grow with the batch; writes are bulk statements, which Django
    splits only at the database's parameter limit."""
    group = make_group()
    place_messages(group, [mail(f"t{n}@x", subject=f"Swali {n}", hours=n) for n in range(size)])
    batch = [mail(f"r{n}@x", f"t{n}@x", f"lost{n}@x", subject=f"Re: Swali {n}", hours=size + n)
             for n in range(size)]
    batch += [mail(f"lost{n}@x", f"t{n + 1}@x", hours=2 * size + n) for n in range(0, size, 2)]
    batch += [mail(f"q{n}@x", subject=f"Re: Swali {n}", hours=3 * size + n) for n in range(size)]
    with CaptureQueriesContext(connection) as queries:
        place_messages(group, batch)
    # Reserving keys for new rows is a SELECT nextval(...) on PostgreSQL: a write, not a read.
    statements = Counter("UPDATE" if "nextval" in query["sql"] else query["sql"].split()[0]
                         for query in queries.captured_queries)
    rows_per_insert = connection.ops.bulk_batch_size(Message._meta.concrete_fields, batch)
    assert statements["SELECT"] <= 6 + 2, "threading's reads, and the archive hooks' two"
    assert statements["INSERT"] + statements["UPDATE"] + statements["DELETE"] <= (
        6 + 3 * math.ceil(len(batch) * 2 / rows_per_insert))
    assert_consistent(group)
