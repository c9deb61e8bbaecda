"""A mentor asks for the synthesis of a thread: what has been learned, each point linked to the
message it comes from; where the thread stands; the next questions, the one nobody answered
first. The threads are real: the demo network's group discussions (in English and Kiswahili)
and notmuch's early mailing list, parsed by our own parser as the workbench will read them."""

from __future__ import annotations

import dataclasses

import pytest

from learnlink.drafting.drafts import Draft, Post
from learnlink.drafting.synthesis import synthesise
from tests.drafting.threads import EARLIEST, demo_threads, notmuch_threads

WAREHOUSE = "How do the Mbonzo warehouse receipts work?"
GROUPS = ("warehouse-receipts", "oranges-muheza", "market-spies", "mushrooms",
          "moringa-kakamega", "mentors")


# A patch and nothing else: no words of its own and none quoted, an empty draft (and the
# workbench says there is nothing to synthesise).
PATCH_ONLY = {"[notmuch] [PATCH] count_files: sort directory in inode order before statting"}


def every_thread() -> list[tuple[str, list[Post]]]:
    threads = [item for group in GROUPS for item in demo_threads(group).items()]
    return threads + list(notmuch_threads("default").items())


def linked(draft: Draft) -> set[str]:
    return {point.message_id for point in [*draft.learned, *draft.next_questions]}


@pytest.mark.parametrize(("subject", "posts"), every_thread(), ids=lambda value: (
    value[:40] if isinstance(value, str) else ""))
def test_every_point_of_a_real_thread_links_to_one_of_its_messages(
        subject: str, posts: list[Post]) -> None:
    draft = synthesise(posts)
    assert draft.source == "extractive"
    assert linked(draft) <= {post.message_id for post in posts}
    texts = [point.text for point in draft.learned]
    assert len(texts) == len(set(texts))
    assert draft.is_empty is (subject in PATCH_ONLY)


def test_the_warehouse_thread_says_what_was_learned_from_the_people_who_said_it() -> None:
    posts = demo_threads("warehouse-receipts")[WAREHOUSE]
    draft = synthesise(posts)
    by_message = {post.message_id: post.author for post in posts}
    learned = " ".join(point.text for point in draft.learned)
    assert "she takes the receipt to the SACCO and borrows against it" in learned
    assert "lender trusts that the maize is really in the store" in learned
    speakers = {by_message[point.message_id] for point in draft.learned}
    assert {"jackson.mwasomola@example.net", "atupele.mwakyusa@example.net"} <= speakers
    # The mentor's summary restates Jackson's points: they are credited to Jackson, once.
    assert sum("SACCO" in point.text for point in draft.learned) == 1
    assert "Nobody is forced to keep maize in the store" in draft.standing or (
        "prices of past seasons" in draft.standing)


def test_a_question_nobody_answered_comes_first_and_the_answered_ones_after() -> None:
    posts = demo_threads("mushrooms")["Kukausha uyoga wakati wa mvua"]
    questions = synthesise(posts).next_questions
    assert questions[0].text == "Swali linalofuata: Naomi, Usa River mtajaribu lipi?"
    assert questions[0].message_id == posts[-1].message_id
    assert not questions[0].answered
    assert questions[-1].text == "Hai mnafanyaje msimu wa mvua?"
    assert questions[-1].answered  # Hai's reply came next


def test_the_mentors_next_question_waits_until_someone_else_answers_it() -> None:
    posts = demo_threads("warehouse-receipts")[WAREHOUSE]
    gabriel, jackson = posts[3], posts[4]
    assert "Next question" in gabriel.text and jackson.in_reply_to == gabriel.message_id

    waiting = synthesise(posts[:4]).next_questions
    assert waiting[0].message_id == gabriel.message_id and not waiting[0].answered
    assert "storage fee" in " ".join(q.text for q in waiting if not q.answered)
    assert all(q.answered for q in waiting if q.message_id == posts[0].message_id)

    # Gabriel following up on his own question does not answer it.
    himself = dataclasses.replace(jackson, author=gabriel.author)
    assert not synthesise([*posts[:4], himself]).next_questions[0].answered
    answered = synthesise(posts).next_questions
    assert all(question.answered for question in answered)


def test_kiswahili_plans_are_where_the_thread_stands() -> None:
    magugu = synthesise(demo_threads("market-spies")["Ubao wa bei kijijini Magugu"])
    assert magugu.standing == ("Kuhusu mvua, tutajaribu kuweka paa dogo la bati juu ya ubao wa "
                               "Magugu. Likifanya kazi tutaweka ubao wa pili Galapo.")
    radio = synthesise(demo_threads("market-spies")[
        "Redio ya jamii: tunaweza kusoma bei zenu hewani?"])
    assert radio.standing.endswith("Nitakutumia bei kwa SMS siku ile ile tunapoandika ubao.")


def test_a_thread_in_kiswahili_and_english_is_drafted_in_both() -> None:
    posts = demo_threads("warehouse-receipts")["Songea: benki imeuliza kuhusu stoo yetu"]
    draft = synthesise(posts)
    learned = " ".join(point.text for point in draft.learned)
    assert "Afisa wa benki Songea ametembelea stoo" in learned
    assert "She asks Jackson what Mbonzo started with" in learned
    assert draft.next_questions[0].text.startswith("Jackson, Mbonzo mlianza na nini kwanza")


def test_an_english_mailing_list_thread_drops_quotes_and_signatures() -> None:
    posts = notmuch_threads("default")["[notmuch] Working with Maildir storage?"]
    assert len(posts) == 7
    draft = synthesise(posts)
    everything = " ".join([*(p.text for p in draft.learned), draft.standing,
                           *(q.text for q in draft.next_questions)])
    assert "LK>" not in everything and "Twas brillig" not in everything
    assert "Too many open files" not in everything  # program output, indented
    questions = {q.text: q.answered for q in draft.next_questions}
    assert questions["Is the list archived anywhere?"] is True  # "Just has been pushed"


def test_a_month_of_a_group_is_drafted_across_its_threads() -> None:
    """Several threads drafted together (a topic, a month of a group): the points come from all
    of them, and a question is only answered within its own thread."""
    threads = demo_threads("oranges-muheza")
    posts = sorted((post for thread in threads.values() for post in thread),
                   key=lambda post: post.date or EARLIEST)
    draft = synthesise(posts)
    thread_of = {post.message_id: post.thread for post in posts}
    assert len({thread_of[point.message_id] for point in draft.learned}) >= 3
    alone = {question.text: question.answered
             for thread in threads.values() for question in synthesise(thread).next_questions}
    for question in draft.next_questions:
        if question.text in alone:
            assert question.answered is alone[question.text], question.text


def test_a_question_is_answered_only_in_its_own_thread() -> None:
    posts = demo_threads("warehouse-receipts")[WAREHOUSE][:4]
    agnes = Post("songea@example.net", "agnes.mbawala@example.net",
                 "In Songea we ask the same: what happens in a season when the price does not "
                 "rise enough to cover the storage fee and the interest on the loan?\n\n"
                 "The price rose too little last season, and the fee and the interest took what "
                 "we gained.", thread=posts[0].thread)
    storage_fee = "Next question: what happens in a season when the price does not rise"
    answered = synthesise([*posts, agnes]).next_questions
    assert [q.answered for q in answered if q.text.startswith(storage_fee)] == [True]

    elsewhere = dataclasses.replace(agnes, thread="songea-store")
    waiting = synthesise([*posts, elsewhere]).next_questions
    assert [q.answered for q in waiting if q.text.startswith(storage_fee)] == [False]
