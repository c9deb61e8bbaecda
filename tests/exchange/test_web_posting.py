"""Posting and replying on the web: a real email through the same path as mail."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from huey.contrib.djhuey import HUEY

from learnlink.exchange.membership import create_group
from learnlink.exchange.models import HeldMessage, Message
from learnlink.mail.authentication import inbound_verdict
from learnlink.mail.models import InboundMessage, Source
from tests.conftest import make_member
from tests.exchange.test_api import token_for
from tests.web.test_pages import check_page

HELD = {"en": "Held for moderation", "sw": "Unasubiri msimamizi", "fr": "Retenu pour modération"}


def test_a_members_new_topic_is_archived_and_mailed_to_the_group(client, oranges, learner,
                                                                mailboxes):
    client.force_login(learner)
    response = client.post("/groups/muheza-oranges/post/",
                           {"subject": "Grading day", "text": "Bring crates on Friday."},
                           follow=True)
    message = Message.objects.get(subject="Grading day")
    assert response.redirect_chain[-1][0].startswith(message.thread.get_absolute_url())
    assert "Bring crates on Friday." in response.content.decode()
    assert InboundMessage.objects.get().source == Source.WEB
    copies = mailboxes.of("joseph.mshana@example.org")
    assert [c["Subject"] for c in copies] == ["Grading day"]
    assert "Halima Omari" in copies[0]["From"]


@pytest.fixture
def queued_tasks():
    """As in production: tasks wait in the queue for the worker; what this test queued (the
    members' copies) is dropped afterwards, for no later test to send."""
    HUEY.immediate = False
    yield
    HUEY.flush()


def test_a_post_is_archived_at_once_while_mail_waits_for_the_worker(client, oranges, learner,
                                                                    queued_tasks):
    client.force_login(learner)
    response = client.post("/groups/muheza-oranges/post/", {"subject": "Now", "text": "x"})
    assert response.url == Message.objects.get(subject="Now").get_absolute_url()


def test_a_reply_threads_under_the_message_chosen(client, oranges, learner, mailboxes):
    client.force_login(learner)
    client.post("/groups/muheza-oranges/post/", {"subject": "Buyers", "text": "Who buys?"})
    first = Message.objects.get()
    client.post(f"/groups/muheza-oranges/threads/{first.thread_id}/reply/?to={first.pk}",
                {"text": "Mohamed Enterprises."})
    reply = Message.objects.exclude(pk=first.pk).get()
    assert (reply.parent, reply.thread, reply.subject) == (first, first.thread, "Re: Buyers")
    raw = bytes(reply.inbound.raw).decode()
    assert f"In-Reply-To: <{first.message_id}>" in raw


def test_a_moderated_group_holds_a_learners_web_post(client, oranges, learner):
    oranges.posting_policy = "moderated"
    oranges.save()
    client.force_login(learner)
    response = client.post("/groups/muheza-oranges/post/", {"subject": "Held", "text": "x"})
    assert HeldMessage.objects.get().subject == "Held"
    assert not Message.objects.exists()
    assert "Held for moderation" in response.content.decode()


@pytest.mark.parametrize("language", ["en", "sw", "fr"])
def test_the_held_note_is_translated_and_light(client, oranges, learner, language):
    oranges.posting_policy = "moderated"
    oranges.save()
    client.force_login(learner)
    client.cookies["django_language"] = language
    check_page(client, client.post("/groups/muheza-oranges/post/",
                                   {"subject": "Held", "text": "x"}), 200, language,
               HELD[language])


def test_a_web_post_counts_as_authenticated_and_mail_does_not(client, oranges, learner,
                                                              settings):
    settings.LEARNLINK_AUTHSERV_ID = "mx.learnlink.test"
    client.force_login(learner)
    client.post("/groups/muheza-oranges/post/", {"subject": "Mine", "text": "Truly mine."})
    web = InboundMessage.objects.get()
    assert inbound_verdict(web, "halima@example.org").authenticated
    forged = InboundMessage.objects.create(
        source=Source.SMTP, recipient=oranges.address, raw=bytes(web.raw), size=web.size,
        sha256=web.sha256)
    assert not inbound_verdict(forged, "halima@example.org").authenticated


def test_an_observer_posts_only_where_the_group_lets_observers(client, oranges, learner):
    oranges.memberships.filter(person__name="Halima Omari").update(role="observer")
    client.force_login(learner)
    assert client.get("/groups/muheza-oranges/post/").status_code == 404
    oranges.observers_may_post = True
    oranges.save()
    assert client.get("/groups/muheza-oranges/post/").status_code == 200


def test_a_non_member_cannot_post(client, oranges):
    client.force_login(make_member(None, "Daudi", "daudi@example.net"))
    assert client.get("/groups/muheza-oranges/post/").status_code == 404
    client.post("/groups/muheza-oranges/post/", {"subject": "Hi", "text": "x"})
    assert not InboundMessage.objects.exists()


def test_a_post_over_the_size_limit_says_so_and_stores_nothing(client, oranges, learner):
    oranges.size_limit = 2000
    oranges.save()
    client.force_login(learner)
    upload = SimpleUploadedFile("photo.jpg", b"x" * 5000, content_type="image/jpeg")
    response = client.post("/groups/muheza-oranges/post/",
                           {"subject": "Photo", "text": "See", "attachment": upload})
    assert "at most 2,000 bytes" in response.content.decode()
    assert not InboundMessage.objects.exists()


def test_the_api_posts_and_replies_for_members_only(client, oranges, learner):
    token = token_for("halima@example.org")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    body = client.post("/api/groups/muheza-oranges/messages", json.dumps(
        {"subject": "Prices", "text": "300 a crate."}), content_type="application/json",
        **auth).json()
    first = Message.objects.get(pk=body["id"])
    assert body["thread"] == first.thread_id and not body["held"]
    body = client.post("/api/groups/muheza-oranges/messages", json.dumps(
        {"text": "Too low.", "in_reply_to": first.pk}), content_type="application/json",
        **auth).json()
    assert Message.objects.get(pk=body["id"]).parent == first
    make_member(None, "Daudi", "daudi@example.net")
    other = {"HTTP_AUTHORIZATION": f"Bearer {token_for('daudi@example.net')}"}
    assert client.post("/api/groups/muheza-oranges/messages", json.dumps(
        {"subject": "x", "text": "y"}), content_type="application/json",
        **other).status_code == 403
    create_group("mentors-room", "Mentors' room", private=True)
    assert client.post("/api/groups/mentors-room/messages", json.dumps(
        {"subject": "x", "text": "y"}), content_type="application/json",
        **other).status_code == 404
