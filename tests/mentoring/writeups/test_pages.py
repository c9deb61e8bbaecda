"""Who reads and does what on the web. A write-up is public only once its learner approved it
and agreed to its publication; until then only its learner, its mentor and its group's mentors
read it, and even then the conversation around it (comments, log, versions) stays theirs. The
learner approves in one click, signed in; editing keeps every version; every change is a POST
with its CSRF token."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from learnlink.mentoring.models import WriteUpAction, WriteUpState, WriteUpVersion
from learnlink.mentoring.writeups import actions
from tests.conftest import make_member

SECRET_COMMENT = "Do not quote the price Mr Juma gave us in private"


def url(name: str, writeup: Any, *args: Any) -> str:
    return reverse(f"mentoring:writeups:{name}", args=[writeup.pk, *args])


@pytest.fixture
def other_mentor(db: None) -> User:
    """The mentor of another group, with no network-wide role."""
    user = make_member(None, "Neema Lyimo", "neema.lyimo@example.org")
    add_member(create_group("mushrooms", "Mushrooms"), "neema.lyimo@example.org", role="mentor")
    return user


def sent(writeup: Any, mentor: User) -> Any:
    actions.send_to_learner(writeup, actions.Actor.on_web(mentor))
    return writeup


@pytest.mark.parametrize(("state", "publish", "guest_reads"), [
    ("draft", None, False), ("with_learner", True, False), ("in_review", True, False),
    ("approved", None, False), ("approved", False, False), ("approved", True, True)])
def test_the_public_page_is_there_only_once_approved_and_agreed(
        client, writeup, state, publish, guest_reads, outsider, other_mentor, mentor, halima):
    writeup.state, writeup.publish = state, publish
    writeup.save()
    assert client.get(url("detail", writeup)).status_code == (200 if guest_reads else 302)
    for stranger in (outsider, other_mentor):
        client.force_login(stranger)
        assert client.get(url("detail", writeup)).status_code == (200 if guest_reads else 404)
    for insider in (halima, mentor):
        client.force_login(insider)
        assert client.get(url("detail", writeup)).status_code == 200
    client.logout()
    listed = client.get(reverse("mentoring:writeups:published")).content.decode()
    assert (writeup.title in listed) == guest_reads


def test_a_published_write_up_shows_outsiders_its_text_and_nothing_of_the_conversation(
        client, writeup, mentor, halima, outsider):
    sent(writeup, mentor)
    actions.comment(writeup, SECRET_COMMENT, actions.Actor.on_web(halima))
    actions.approve(writeup, actions.Actor.on_web(halima), publish=True)
    for reader in (None, outsider):
        if reader:
            client.force_login(reader)
        page = client.get(url("detail", writeup)).content.decode()
        assert "We grade the oranges in three sizes" in page
        assert SECRET_COMMENT not in page and "History" not in page and "<form" in page
        assert 'action="/mentoring/' not in page, "no button of the workbench"
        assert client.get(url("version", writeup, 1)).status_code in (302, 404)
    client.force_login(mentor)
    assert SECRET_COMMENT in client.get(url("detail", writeup)).content.decode()


def test_the_learner_approves_in_one_click_and_may_withdraw_publication(
        client, writeup, mentor, halima):
    client.force_login(halima)
    page = client.get(url("detail", writeup)).content.decode()
    assert "Nakubali, ichapishwe" not in page, "nothing to approve before the mentor sends it"
    assert client.post(url("approve", writeup), {"publish": "yes"}).status_code == 302
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.DRAFT

    sent(writeup, mentor)
    assert "Nakubali, ichapishwe" in client.get(url("detail", writeup)).content.decode(), \
        "her page speaks her language"
    client.post(url("approve", writeup), {"publish": "yes"})
    writeup.refresh_from_db()
    assert writeup.is_public
    assert [(e.action, e.by_name) for e in writeup.events.all()][-2:] == [
        (WriteUpAction.APPROVED, "Halima Omari"), (WriteUpAction.PUBLISH, "Halima Omari")]
    client.post(url("publishing", writeup), {"publish": "no"})
    writeup.refresh_from_db()
    assert not writeup.is_public and writeup.events.last().action == WriteUpAction.NO_PUBLISH
    client.logout()
    assert client.get(url("detail", writeup)).status_code == 302


@pytest.mark.parametrize("persona", ["mentor", "outsider", "other_mentor"])
def test_nobody_but_the_learner_approves(client, writeup, mentor, persona, request):
    sent(writeup, mentor)
    client.force_login(request.getfixturevalue(persona))
    assert client.post(url("approve", writeup), {"publish": "yes"}).status_code == 404
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.WITH_LEARNER


@pytest.mark.parametrize("persona", ["learner", "outsider", "other_mentor"])
def test_only_its_mentors_edit_or_send_it(client, writeup, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url("edit", writeup)).status_code == 404
    assert client.post(url("edit", writeup), {"title": "x", "text": "y"}).status_code == 404
    assert client.post(url("send", writeup)).status_code == 404
    writeup.refresh_from_db()
    assert (writeup.title, writeup.state) == ("Grading oranges at Kilulu", WriteUpState.DRAFT)


def test_every_change_is_a_post_with_its_csrf_token(writeup, mentor, halima):
    client = Client(enforce_csrf_checks=True)
    client.force_login(mentor)
    assert client.get(url("send", writeup)).status_code == 405
    assert client.post(url("send", writeup)).status_code == 403
    client.force_login(halima)
    assert client.post(url("comment", writeup), {"text": "Hello"}).status_code == 403
    assert not writeup.comments.exists()


def test_editing_keeps_each_version_and_unapproves_an_approved_text(
        client, writeup, mentor, halima):
    sent(writeup, mentor)
    actions.approve(writeup, actions.Actor.on_web(halima), publish=True)
    client.force_login(mentor)
    edit_page = client.get(url("edit", writeup)).content.decode()
    assert "The learner approved this text" in edit_page
    client.post(url("edit", writeup), {"title": "Grading and selling at Kilulu",
                                       "text": "## What they did\n\nThey grade first.\n"})
    writeup.refresh_from_db()
    assert (writeup.state, writeup.is_public) == (WriteUpState.DRAFT, False)
    assert [v.number for v in WriteUpVersion.objects.filter(writeup=writeup)] == [1, 2]
    old = client.get(url("version", writeup, 1)).content.decode()
    assert "We grade the oranges in three sizes" in old
    assert "<h2>What they did</h2>" in client.get(url("detail", writeup)).content.decode()
    assert writeup.events.last().action == WriteUpAction.REOPENED
    client.post(url("edit", writeup), {"title": writeup.title, "text": writeup.text})
    assert writeup.versions.count() == 2, "saving the same text makes no version"


def test_comments_on_the_web_put_the_learners_answer_in_review(
        client, writeup, mentor, halima, smtp_sink):
    sent(writeup, mentor)
    client.force_login(halima)
    client.post(url("comment", writeup), {"text": "The lorry comes on Fridays."})
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.IN_REVIEW
    assert client.post(url("comment", writeup), {"text": " "}).status_code == 302
    assert writeup.comments.count() == 1


def test_the_mentors_list_shows_their_groups_write_ups_by_state_in_bounded_queries(
        client, writeup, mentor, other_mentor, grading, halima, network,
        django_assert_max_num_queries):
    from tests.mentoring.writeups.conftest import start

    for n in range(30):
        start(grading, mentor, halima, network["growers"], title=f"Write-up {n}")
    client.force_login(mentor)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("mentoring:writeups:list")).content.decode()
    assert "Write-up 29" in page and "Page 1 of 2" in page
    assert "Grading oranges at Kilulu" not in client.get(
        reverse("mentoring:writeups:list") + "?state=with_learner").content.decode()
    client.force_login(other_mentor)
    assert "Write-up 29" not in client.get(reverse("mentoring:writeups:list")).content.decode()
    client.force_login(halima)
    assert client.get(reverse("mentoring:writeups:list")).status_code == 404


def test_the_thread_page_offers_mentors_a_write_up_and_readers_the_ones_they_may_read(
        client, writeup, grading, mentor, halima, outsider):
    start_link = reverse("mentoring:writeups:new_from_thread", args=[grading.pk])
    client.force_login(mentor)
    page = client.get(grading.get_absolute_url()).content.decode()
    assert "Start a write-up from this thread" in page and start_link in page
    assert writeup.get_absolute_url() in page
    client.force_login(halima)
    page = client.get(grading.get_absolute_url()).content.decode()
    assert writeup.get_absolute_url() in page and start_link not in page
    client.force_login(outsider)
    page = client.get(grading.get_absolute_url()).content.decode()
    assert writeup.get_absolute_url() not in page and "Write-ups" not in page
