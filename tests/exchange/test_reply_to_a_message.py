"""The "Reply" link under each message of a thread page: only for those who may post on the
web, whatever reader's page was cached first, and only to a message of that thread."""

import pytest

from learnlink.exchange.models import Message
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from tests.conftest import email_from


@pytest.fixture
def thread(oranges):
    question = email_from("joseph.mshana@example.org", oranges.address, "Grading oranges",
                          "How many sizes do your buyers ask for?")
    answer = email_from("kilulu.growers@example.org", oranges.address, "Re: Grading oranges",
                        "Three sizes.", In_Reply_To=question["Message-ID"])
    for mail in (question, answer):
        receive(mail.as_bytes(), [oranges.address], Source.PIPE)
    return Message.objects.get(subject="Grading oranges").thread


def reply_links(client, thread) -> int:
    return client.get(thread.get_absolute_url()).content.decode().count("/reply/?to=")


def test_each_message_has_a_reply_link_for_a_member_only(client, thread, learner, mentor,
                                                         staff):
    client.force_login(learner)
    assert reply_links(client, thread) == 2
    client.force_login(staff)  # reads every group, posts to none it is not a member of
    assert reply_links(client, thread) == 0
    client.force_login(mentor)  # a member, and its mentor
    assert reply_links(client, thread) == 2
    client.logout()
    assert reply_links(client, thread) == 0


def test_an_observer_who_may_not_post_sees_no_reply_link(client, oranges, thread, learner):
    oranges.memberships.filter(person__name="Halima Omari").update(role="observer")
    client.force_login(learner)
    assert reply_links(client, thread) == 0


def test_a_reply_to_a_message_of_another_thread_is_refused(client, oranges, thread, learner):
    receive(email_from("halima@example.org", oranges.address, "Crates", "Bring crates.")
            .as_bytes(), [oranges.address], Source.PIPE)
    elsewhere = Message.objects.get(subject="Crates")
    client.force_login(learner)
    page = client.get(f"/groups/muheza-oranges/threads/{thread.pk}/reply/?to={elsewhere.pk}")
    assert page.status_code == 404


def test_the_reply_form_shows_the_message_answered(client, thread, learner):
    answer = thread.messages.get(text__startswith="Three sizes")
    client.force_login(learner)
    page = client.get(f"/groups/muheza-oranges/threads/{thread.pk}/reply/?to={answer.pk}")
    assert "Three sizes." in page.content.decode()
