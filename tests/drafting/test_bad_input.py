"""Whatever the thread, the mentor gets a draft and never an error: an empty thread, a thread of
one message, a thread whose messages only quote, text that is not prose at all."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from learnlink.drafting.drafts import Draft, Post
from learnlink.drafting.sentences import message_sentences
from learnlink.drafting.synthesis import synthesise
from tests.drafting.threads import demo_threads

WAREHOUSE = "How do the Mbonzo warehouse receipts work?"


def test_an_empty_thread_gives_an_empty_draft() -> None:
    assert synthesise([]) == Draft()
    assert synthesise([]).is_empty
    blank = Post("blank@example.org", "amina@example.org", "  \n\n")
    assert synthesise([blank]).is_empty


def test_a_thread_of_one_message_gives_its_points_and_its_questions_waiting() -> None:
    first = demo_threads("warehouse-receipts")[WAREHOUSE][0]
    draft = synthesise([first])
    said = [draft.standing, *(point.text for point in draft.learned)]
    assert ("Several groups in Songea and Sumbawanga have asked me about the warehouse receipts "
            "in Mbeya.") in said
    assert [(q.text, q.answered) for q in draft.next_questions] == [
        ("What happens on the day a farmer brings maize to the warehouse?", False),
        ("What does the receipt say, and what can a farmer do with it?", False),
        ("Who decides when to sell?", False)]
    assert {point.message_id for point in draft.learned} == {first.message_id}


def test_a_thread_whose_replies_only_quote_is_drafted_from_what_they_quote() -> None:
    """Each message of the thread forwarded without a word of its own: the parser put
    everything in `quoted`."""
    posts = demo_threads("warehouse-receipts")[WAREHOUSE]
    quoting = [dataclasses.replace(post, text="", quoted=post.text) for post in posts]
    draft = synthesise(quoting)
    assert not draft.is_empty
    assert any("SACCO" in point.text for point in draft.learned)
    assert {p.message_id for p in draft.learned} <= {post.message_id for post in posts}


def test_quoted_lines_a_caller_left_in_are_dropped_and_used_only_when_nothing_else_is_left(
) -> None:
    posts = demo_threads("warehouse-receipts")[WAREHOUSE]
    marked = [dataclasses.replace(post, text="".join(f"> {line}\n" for line in
                                                     post.text.splitlines()))
              for post in posts]
    assert all(message_sentences(post.text) == [] for post in marked)
    draft = synthesise(marked)
    assert draft.learned and not any(">" in point.text for point in draft.learned)

    reply = Post("thanks@example.org", "amina@example.org",
                 "On Mon, Amina wrote:\n> Did the buyer pay on time?\n\nYes, within a week, "
                 "as agreed in writing.")
    draft = synthesise([reply])
    assert draft.standing == "Yes, within a week, as agreed in writing."
    assert draft.next_questions == []  # the question is Amina's, in an earlier message


def test_text_that_is_not_prose_still_gives_what_it_has() -> None:
    posts = [Post("1@x", "a@x", "diff --git a/x b/x\n+int main() {}\n"),
             Post("2@x", "b@x", "The link[1] on the list page[2] is broken:\n"
                                "[1] http://example.org/pipermail/\n"),
             Post("3@x", "c@x", "\x00" * 10 + "?" * 500),
             Post("4@x", "d@x", "word " * 5_000)]
    draft = synthesise(posts)
    assert draft.standing or draft.learned
    assert all(len(point.text) <= 302 for point in draft.learned)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["amina", "juma", "claire"]),
                          st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
                          st.sampled_from(["", "m0", "m1", "m2"])), max_size=8))
def test_any_text_from_anyone_gives_a_draft_linked_to_its_posts(
        messages: list[tuple[str, str, str]]) -> None:
    posts = [Post(f"m{index}", author, text, in_reply_to=parent)
             for index, (author, text, parent) in enumerate(messages)]
    draft = synthesise(posts)
    ids = {post.message_id for post in posts}
    assert {point.message_id for point in [*draft.learned, *draft.next_questions]} <= ids
