"""The JSON API: what the web shows, to whom the web shows it, with tokens for scripts."""

from io import StringIO

import pytest
from django.core.management import call_command

from learnlink.exchange.membership import add_member, create_group
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from tests.conftest import email_from


def post(to: str, subject: str, body: str, sender: str = "halima@example.org", **headers):
    receive(email_from(sender, to, subject, body, **headers).as_bytes(), [to], Source.PIPE)


@pytest.fixture
def archive(oranges, learner):
    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "halima@example.org")
    post(private.address, "Contacts", "Private.")
    post(oranges.address, "Grading", "Three sizes.", message_id="<root@example.org>")
    # A reply to a message the archive never received, whose own reply comes next.
    post(oranges.address, "Re: Grading", "Answer to a lost one.", message_id="<b@example.org>",
         In_Reply_To="<lost@example.org>", References="<root@example.org> <lost@example.org>")
    post(oranges.address, "Re: Grading", "And again.", message_id="<c@example.org>",
         In_Reply_To="<b@example.org>",
         References="<root@example.org> <lost@example.org> <b@example.org>")
    return private


def token_for(address: str) -> str:
    out = StringIO()
    call_command("create_token", address, stdout=out)
    return out.getvalue().split()[-1]


def test_groups_lists_what_the_caller_may_see(client, archive):
    body = client.get("/api/groups").json()
    assert body == {"count": 1, "items": [{"slug": "muheza-oranges",
                                           "name": "Muheza orange growers",
                                           "visibility": "public", "members": 3}]}


def test_a_token_opens_the_private_groups_of_its_person(client, archive):
    token = token_for("halima@example.org")
    body = client.get("/api/groups", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert {g["slug"] for g in body["items"]} == {"muheza-oranges", "mentors-room"}


def test_a_wrong_token_is_refused_not_treated_as_anonymous(client, archive):
    response = client.get("/api/groups", HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 401


def test_threads_and_a_thread_in_tree_order_without_placeholders(client, archive):
    threads = client.get("/api/groups/muheza-oranges/threads").json()
    assert threads["count"] == 1
    [summary] = threads["items"]
    assert (summary["subject"], summary["messages"]) == ("Grading", 3)

    detail = client.get(f"/api/threads/{summary['id']}").json()
    assert [(m["message_id"], m["parent"], m["depth"]) for m in detail["messages"]] == [
        ("root@example.org", None, 0),
        ("b@example.org", "root@example.org", 2),
        ("c@example.org", "b@example.org", 3),
    ]
    assert detail["messages"][1]["text"].startswith("Answer to a lost one.")


def test_a_private_thread_is_not_found_for_the_public(client, archive):
    from learnlink.exchange.models import Thread

    thread = Thread.objects.get(group=archive)
    assert client.get(f"/api/threads/{thread.pk}").status_code == 404
    assert client.get("/api/groups/mentors-room/threads").status_code == 404


def test_held_lists_moderation_and_quarantine_for_mentors_only(client, archive, mentor,
                                                               learner):
    post("muheza-oranges@learnlink.localhost", "Join?", "Hi", sender="daudi@example.net")
    post("muheza-oranges@learnlink.localhost", "Away", "Back Monday", Auto_Submitted="auto-replied")
    assert client.get("/api/groups/muheza-oranges/held").status_code == 404
    client.force_login(learner)
    assert client.get("/api/groups/muheza-oranges/held").status_code == 404

    client.force_login(mentor)
    items = client.get("/api/groups/muheza-oranges/held").json()["items"]
    assert [(i["sender"], i["subject"]) for i in items] == [
        ("daudi@example.net", "Join?"), ("halima@example.org", "Away")]
    assert items[0]["reason"] == "the sender is not a member of the group"


def test_limit_is_capped_and_offset_pages(client, oranges):
    for n in range(3):
        post(oranges.address, f"Topic {n}", "x")
    body = client.get("/api/groups/muheza-oranges/threads?limit=1000&offset=1").json()
    assert body["count"] == 3 and len(body["items"]) == 2


def test_the_openapi_schema_is_published(client, db):
    schema = client.get("/api/openapi.json").json()
    assert "/api/groups/{slug}/threads" in schema["paths"]


def test_held_pages_through_one_list(client, archive, mentor):
    for n in range(3):
        post("muheza-oranges@learnlink.localhost", f"Join {n}?", "Hi",
             sender=f"stranger{n}@example.net")
    post("muheza-oranges@learnlink.localhost", "Away", "Back", Auto_Submitted="auto-replied")
    client.force_login(mentor)
    page = client.get("/api/groups/muheza-oranges/held?limit=2&offset=2").json()["items"]
    assert [i["subject"] for i in page] == ["Join 2?", "Away"]


def test_held_lists_a_quarantined_message_that_has_no_header_at_all(client, mail_server,
                                                                    oranges, mentor):
    mail_server.send(b"Nothing but a line of text.\r\n", oranges.address)

    client.force_login(mentor)
    response = client.get("/api/groups/muheza-oranges/held")
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["reason"].startswith("cannot be read as an email")
    assert (item["message_id"], item["sender"], item["subject"]) == ("", "", "")
