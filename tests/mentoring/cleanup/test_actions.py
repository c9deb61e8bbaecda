"""Each clean-up action does what a mentor asked, keeps counts, dates, pages and search right,
is logged, and its undo puts everything back."""

import pytest

from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.search import search_messages
from learnlink.mentoring.cleanup import actions
from learnlink.mentoring.cleanup.actions import Refused
from learnlink.mentoring.cleanup.undo import undo
from learnlink.mentoring.models import CleanupEntry
from tests.mentoring.cleanup.conftest import post


def page(client, thread: Thread) -> str:
    html = client.get(Thread.objects.get(pk=thread.pk).get_absolute_url()).content.decode()
    return html[html.index("<main"):html.index("</main>")]


def counted(thread: Thread) -> tuple[int, str]:
    fresh = Thread.objects.get(pk=thread.pk)
    return fresh.message_count, fresh.subject


def test_a_move_with_replies_carries_them_and_its_undo_brings_them_back(client, talk, mentor):
    selling, grading = talk.thread(talk.question), talk.thread(talk.grading)
    assert "How many sizes" in page(client, selling)  # cached before the move

    done = actions.move_message(mentor, talk.answer, grading)

    assert {t.pk for t in done.threads} == {selling.pk, grading.pk}
    assert counted(selling) == (1, "Selling oranges together")
    assert counted(grading) == (4, "Grading before the lorry")
    moved = talk.fresh(talk.answer)
    assert moved.parent_id == talk.grading.pk and moved.placed_by_hand is not None
    assert talk.fresh(talk.follow_up).thread_id == grading.pk
    assert "How many sizes" not in page(client, selling), "the cached page is dropped"
    assert "How many sizes" in page(client, grading)
    assert Thread.objects.get(pk=grading.pk).last_activity == talk.follow_up.date

    entry = CleanupEntry.objects.get()
    assert (entry.action, entry.by) == ("move", mentor)
    undo(mentor, entry)

    assert counted(selling) == (3, "Selling oranges together")
    assert counted(grading) == (2, "Grading before the lorry")
    back = talk.fresh(talk.answer)
    assert (back.thread_id, back.parent_id, back.placed_by_hand) == (
        selling.pk, talk.question.pk, None)
    assert "How many sizes" in page(client, selling)
    assert CleanupEntry.objects.get().undone is not None


def test_a_message_moved_alone_leaves_its_replies_below_what_it_answered(talk, mentor):
    actions.move_message(mentor, talk.answer, talk.thread(talk.grading), with_replies=False)

    assert talk.fresh(talk.follow_up).parent_id == talk.question.pk
    assert counted(talk.thread(talk.question)) == (2, "Selling oranges together")

    undo(mentor, CleanupEntry.objects.get())
    assert talk.fresh(talk.follow_up).parent_id == talk.answer.pk


def test_moving_a_threads_first_message_alone_gives_its_place_to_its_first_reply(talk, mentor):
    selling = talk.thread(talk.question)
    actions.move_message(mentor, talk.question, talk.thread(talk.grading), with_replies=False)

    answer = talk.fresh(talk.answer)
    assert (answer.thread_id, answer.parent_id) == (selling.pk, None)
    assert counted(selling) == (2, "Selling oranges together")


def test_a_split_makes_a_thread_of_the_message_and_its_replies_and_undo_joins_them(talk, mentor):
    selling = talk.thread(talk.question)

    done = actions.split_thread(mentor, talk.answer)

    [new] = [t for t in done.threads if t.pk != selling.pk]
    assert counted(new) == (2, "Selling oranges together")
    assert counted(selling) == (1, "Selling oranges together")
    assert talk.fresh(talk.answer).parent_id is None

    undo(mentor, CleanupEntry.objects.get())

    assert not Thread.objects.filter(pk=new.pk).exists(), "the split-off thread goes"
    assert counted(selling) == (3, "Selling oranges together")
    assert talk.fresh(talk.answer).parent_id == talk.question.pk


def test_a_thread_cannot_be_split_at_its_first_message(talk, mentor):
    with pytest.raises(Refused, match="starts its thread already"):
        actions.split_thread(mentor, talk.question)
    assert not CleanupEntry.objects.exists()


def test_a_merge_and_its_undo_which_brings_the_thread_back_under_its_number(client, talk,
                                                                            mentor):
    selling, grading = talk.thread(talk.question), talk.thread(talk.grading)

    actions.merge_threads(mentor, grading, selling)

    assert not Thread.objects.filter(pk=grading.pk).exists()
    assert counted(selling) == (5, "Selling oranges together")
    assert talk.fresh(talk.grading).parent_id == talk.question.pk
    assert client.get(f"/groups/{talk.group.slug}/threads/{grading.pk}/").status_code == 404

    undo(mentor, CleanupEntry.objects.get())

    assert counted(grading) == (2, "Grading before the lorry")
    assert counted(selling) == (3, "Selling oranges together")
    assert "Three sizes here too" in page(client, grading)


def test_a_renamed_thread_keeps_its_name_when_new_mail_comes_until_undone(talk, mentor):
    selling = talk.thread(talk.question)

    actions.rename_thread(mentor, selling, "  Selling  to Dar buyers ")
    post(talk.group, "Re: Selling oranges together", "And the lorry?", "late@example.org",
         talk.follow_up)

    assert counted(selling) == (4, "Selling to Dar buyers")
    undo(mentor, CleanupEntry.objects.get())
    assert counted(selling) == (4, "Selling oranges together")


def test_a_removed_message_shows_its_reason_to_members_and_itself_to_mentors(
        client, talk, mentor, learner):
    selling = talk.thread(talk.question)

    actions.remove_message(mentor, talk.answer, "A buyer's phone number, by mistake")

    client.force_login(learner)
    seen = page(client, selling)
    assert "Removed from the archive by a mentor: A buyer&#x27;s phone number, by mistake" in seen
    assert "agreed one price" not in seen
    assert search_messages(Group.objects.all(), "agreed price").total == 0
    assert client.get(f"/groups/{talk.group.slug}/messages/{talk.answer.pk}/source/"
                      ).status_code == 404
    [api_answer] = [m for m in client.get(f"/api/threads/{selling.pk}").json()["messages"]
                    if m["message_id"] == "a@example.org"]
    assert (api_answer["text"], api_answer["removed"]) == (
        "", "A buyer's phone number, by mistake")
    client.force_login(mentor)
    assert "agreed one price" in page(client, selling)
    assert counted(selling) == (3, "Selling oranges together"), "it keeps its place"
    assert Message.objects.get(pk=talk.answer.pk).inbound is not None, "its mail is kept"

    undo(mentor, CleanupEntry.objects.get())

    client.force_login(learner)
    assert "agreed one price" in page(client, selling)
    assert search_messages(Group.objects.all(), "agreed price").total == 1


def test_a_move_below_its_own_reply_is_refused_as_a_loop(talk, mentor):
    with pytest.raises(Refused, match="would make a loop"):
        actions.move_message(mentor, talk.answer, talk.thread(talk.answer),
                             under=talk.follow_up)
    assert not CleanupEntry.objects.exists()


def test_a_message_never_moves_between_a_private_and_a_public_group(talk, mentor):
    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "halima@example.org")
    secret = post(private, "Contacts", "The buyer's phone is private.", "s@example.org")

    with pytest.raises(Refused, match="members-only group and a public one"):
        actions.move_message(mentor, talk.answer, secret.thread)
    with pytest.raises(Refused, match="members-only group and a public one"):
        actions.merge_threads(mentor, secret.thread, talk.thread(talk.question))
    assert talk.fresh(talk.answer).group_id == talk.group.pk


def test_a_move_to_another_group_needs_a_mentor_of_both(talk, group_mentor, mentor):
    other = create_group("babati-rice", "Babati rice growers")
    add_member(other, "halima@example.org")
    rice = post(other, "Grading rice", "Can rice be graded like oranges?", "rice@example.org")

    with pytest.raises(Refused, match="groups you mentor both of"):
        actions.move_message(group_mentor, talk.answer, rice.thread)

    actions.move_message(mentor, talk.answer, rice.thread)
    assert talk.fresh(talk.answer).group_id == other.pk
    assert search_messages(Group.objects.filter(pk=other.pk), "agreed price").total == 1


def test_undoing_an_action_a_later_one_depends_on_is_refused(talk, mentor):
    grading = talk.thread(talk.grading)
    actions.move_message(mentor, talk.answer, grading)
    actions.split_thread(mentor, talk.follow_up)
    first, later = CleanupEntry.objects.order_by("pk")

    with pytest.raises(Refused, match=r"“split the thread”.*undo that first"):
        undo(mentor, first)

    undo(mentor, later)
    undo(mentor, first)
    assert counted(talk.thread(talk.question)) == (3, "Selling oranges together")


def test_a_reply_that_came_below_a_moved_message_goes_back_with_it(talk, mentor):
    actions.move_message(mentor, talk.answer, talk.thread(talk.grading))
    late = post(talk.group, "Re: Selling oranges together", "Five sizes, in fact.",
                "late@example.org", talk.fresh(talk.follow_up))
    assert late.thread_id == talk.thread(talk.grading).pk

    undo(mentor, CleanupEntry.objects.get())

    assert talk.fresh(late).thread_id == talk.thread(talk.question).pk
    assert counted(talk.thread(talk.question)) == (4, "Selling oranges together")
    assert counted(talk.thread(talk.grading)) == (2, "Grading before the lorry")


def test_an_undo_is_refused_when_something_else_moved_its_messages_since(talk, mentor):
    actions.move_message(mentor, talk.answer, talk.thread(talk.grading))
    Message.objects.filter(pk=talk.follow_up.pk).update(parent=talk.grading)  # the admin

    with pytest.raises(Refused, match="has moved since"):
        undo(mentor, CleanupEntry.objects.get())
