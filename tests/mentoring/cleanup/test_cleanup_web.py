"""The clean-up on the web: reachable from the thread page by the group's mentors only, one
POST per action, refusals said on the page, a log with undo buttons."""

import re

import pytest
from django.urls import reverse

from learnlink.exchange.models import Thread
from learnlink.mentoring.cleanup import actions
from learnlink.mentoring.models import CleanupEntry


def url(name: str, pk: int) -> str:
    return reverse(f"mentoring:cleanup:{name}", args=[pk])


def main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main"):html.index("</main>")]


def test_the_thread_page_shows_the_tools_to_the_groups_mentors_only(client, talk, learner,
                                                                   group_mentor):
    thread_url = talk.thread(talk.question).get_absolute_url()
    client.force_login(group_mentor)
    seen = main(client.get(thread_url))
    assert url("thread", talk.question.thread_id) in seen
    assert seen.count(">Clean up</a>") == 3, "a link below each message"

    client.force_login(learner)
    seen = main(client.get(thread_url))
    assert "Clean up" not in seen and "/mentoring/cleanup/" not in seen
    client.logout()
    assert "/mentoring/cleanup/" not in main(client.get(thread_url))


@pytest.mark.parametrize("name", ["thread", "log", "message"])
def test_the_clean_up_pages_refuse_everyone_but_the_groups_mentors(client, talk, learner,
                                                                   outsider, name):
    target = url(name, talk.answer.pk if name == "message" else talk.answer.thread_id)
    assert client.get(target).status_code == 302, "a guest is asked to sign in"
    for person in (learner, outsider):
        client.force_login(person)
        assert client.get(target).status_code == 404


@pytest.mark.parametrize("name", ["move", "split", "remove", "accept", "dismiss"])
def test_no_one_but_a_mentor_may_post_an_action(client, talk, learner, name):
    client.force_login(learner)
    response = client.post(url(name, talk.answer.pk), {"reason": "x", "number": 1})
    assert response.status_code == 404
    assert not CleanupEntry.objects.exists()


def test_actions_take_posts_only(client, talk, mentor):
    client.force_login(mentor)
    assert client.get(url("split", talk.answer.pk)).status_code == 405


def test_a_mentor_moves_a_message_from_its_page_and_lands_where_it_is_now(client, talk,
                                                                         group_mentor):
    grading = talk.thread(talk.grading)
    client.force_login(group_mentor)
    form = main(client.get(url("message", talk.answer.pk)))
    assert f'<option value="{grading.pk}">Grading before the lorry</option>' in form

    response = client.post(url("move", talk.answer.pk),
                           {"thread": grading.pk, "with_replies": "on"}, follow=True)

    assert response.redirect_chain[-1][0].startswith(grading.get_absolute_url())
    page = main(response)
    assert "The message is moved." in page and "agreed one price" in page
    assert talk.fresh(talk.follow_up).thread_id == grading.pk


def test_a_refusal_is_said_on_the_page(client, talk, mentor):
    client.force_login(mentor)

    response = client.post(url("split", talk.question.pk))

    assert response.status_code == 400
    assert "This message starts its thread already" in main(response)


def test_a_move_to_a_thread_of_a_group_the_mentor_cannot_see_is_no_thread(client, talk,
                                                                         group_mentor):
    from learnlink.exchange.membership import add_member, create_group
    from tests.mentoring.cleanup.conftest import post

    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "halima@example.org")
    secret = post(private, "Contacts", "Private.", "s@example.org")
    client.force_login(group_mentor)

    response = client.post(url("move", talk.answer.pk), {"number": secret.thread_id})

    assert response.status_code == 400
    assert "There is no thread with this number." in main(response)


def test_rename_merge_remove_and_undo_from_the_log_page(client, talk, mentor, learner):
    selling, grading = talk.thread(talk.question), talk.thread(talk.grading)
    client.force_login(mentor)
    client.post(url("rename", selling.pk), {"subject": "Selling to the Tanga buyer"})
    client.post(url("remove", talk.follow_up.pk), {"reason": "Posted twice"})
    client.post(url("merge", grading.pk), {"number": selling.pk})
    assert Thread.objects.get(pk=selling.pk).subject == "Selling to the Tanga buyer"
    assert not Thread.objects.filter(pk=grading.pk).exists()

    log = main(client.get(url("log", selling.pk)))
    assert re.findall(r"<strong>([^<]+)</strong>", log) == [
        "Merged two threads", "Removed a message from the archive", "Renamed the thread"]
    assert "Reason: Posted twice" in log
    merge = CleanupEntry.objects.get(action="merge")

    response = client.post(url("undo", merge.pk), {"thread": selling.pk}, follow=True)

    assert "Undone" in main(response)
    assert Thread.objects.filter(pk=grading.pk).exists()
    client.force_login(learner)
    assert "Removed from the archive by a mentor: Posted twice" in main(
        client.get(selling.get_absolute_url()))


def test_an_undo_refused_says_why_on_the_log_page(client, talk, mentor):
    actions.move_message(mentor, talk.answer, talk.thread(talk.grading))
    actions.split_thread(mentor, talk.follow_up)
    first = CleanupEntry.objects.order_by("pk").first()
    client.force_login(mentor)

    response = client.post(url("undo", first.pk), {"thread": talk.grading.thread_id},
                           follow=True)

    assert "undo that first" in main(response)
    assert CleanupEntry.objects.get(pk=first.pk).undone is None


def test_a_suggestion_is_accepted_in_one_click_from_the_thread_page(client, talk, mentor):
    from tests.mentoring.cleanup.conftest import post

    lost = post(talk.group, "Re: Grading before the lorry", "Four sizes for the Dar buyer.",
                "lost@example.org")
    client.force_login(mentor)
    page = main(client.get(talk.thread(talk.grading).get_absolute_url()))
    assert f'action="{url("accept", lost.pk)}"' in page

    client.post(url("accept", lost.pk))

    assert talk.fresh(lost).thread_id == talk.grading.thread_id
