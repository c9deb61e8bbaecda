"""The synthesis API, for a group's mentors with their session or a Bearer token: the draft in
three parts whose points carry the real Message-IDs of the thread's mail, and publishing an
edited one. Everyone else gets 404, as on the web."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from learnlink.exchange.models import Message
from learnlink.mentoring.models import Synthesis
from tests.mentoring.syntheses.conftest import message_ids

JACKSON = "20031010130000.8562d669@example.net"


def token_for(address: str) -> str:
    out = StringIO()
    call_command("create_token", address, stdout=out)
    return out.getvalue().split()[-1]


def draft_of(client, thread, **headers) -> object:
    return client.get(f"/api/threads/{thread.pk}/synthesis/draft", **headers)


def publish(client, thread, body: dict, **headers) -> object:
    return client.post(f"/api/threads/{thread.pk}/synthesis", json.dumps(body),
                       content_type="application/json", **headers)


def test_the_draft_has_the_three_parts_with_the_threads_real_message_ids(client, warehouse):
    token = token_for("joseph.mshana@example.org")
    response = draft_of(client, warehouse, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"learned", "standing", "next_questions", "source"}
    assert body["source"] == "extractive"
    assert isinstance(body["standing"], str) and body["standing"]
    assert body["learned"] and body["next_questions"]
    cited = {point["message_id"] for point in body["learned"] + body["next_questions"]}
    assert cited <= message_ids(warehouse)
    assert JACKSON in cited, "the mail's own Message-ID, as its header gives it"
    for point in body["learned"]:
        assert set(point) == {"text", "message_id"} and point["text"].strip()


@pytest.mark.parametrize("persona", [None, "outsider", "learner", "coordinator"])
def test_no_one_but_a_mentor_gets_a_draft_or_publishes(client, warehouse, persona, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    assert draft_of(client, warehouse).status_code == 404
    assert publish(client, warehouse, {"standing": "Taken over."}).status_code == 404
    assert not Synthesis.objects.exists()


def test_a_learners_token_does_not_open_the_draft(client, warehouse, learner):
    token = token_for("halima@example.org")
    assert draft_of(client, warehouse, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 404


def test_publishing_an_edited_synthesis_makes_a_version_readers_see(client, warehouse):
    token = f"Bearer {token_for('joseph.mshana@example.org')}"
    draft = draft_of(client, warehouse, HTTP_AUTHORIZATION=token).json()
    edited = {"learned": [*draft["learned"][:2],
                          {"text": "The SACCO lends against the receipt.",
                           "message_id": f"<{JACKSON}>"}],
              "standing": "Nobody is forced to keep maize in the store.",
              "next_questions": draft["next_questions"][:1], "title": "Warehouse receipts"}
    response = publish(client, warehouse, edited, HTTP_AUTHORIZATION=token)
    assert response.status_code == 200, response.content
    answer = response.json()
    assert answer["version"] == 1 and answer["title"] == "Warehouse receipts"
    assert answer["learned"][2] == {"text": "The SACCO lends against the receipt.",
                                    "message_id": JACKSON}
    page = Client().get(warehouse.get_absolute_url()).content.decode()
    assert "The SACCO lends against the receipt." in page
    jackson = Message.objects.get(group=warehouse.group, message_id=JACKSON)
    assert f"/groups/{warehouse.group.slug}/messages/{jackson.pk}/" in page

    again = publish(client, warehouse, {**edited, "standing": "Prices are checked first."},
                    HTTP_AUTHORIZATION=token)
    assert again.json()["version"] == 2 and again.json()["id"] == answer["id"]
    page = Client().get(warehouse.get_absolute_url()).content.decode()
    assert "Prices are checked first." in page


def test_a_point_citing_mail_of_another_thread_is_refused_naming_it(client, warehouse):
    token = f"Bearer {token_for('joseph.mshana@example.org')}"
    response = publish(client, warehouse, {"learned": [
        {"text": "Borrowed", "message_id": "20040712093000.77037572@example.net"}]},
        HTTP_AUTHORIZATION=token)
    assert response.status_code == 422
    assert "20040712093000.77037572@example.net" in response.json()["detail"]
    assert publish(client, warehouse, {}, HTTP_AUTHORIZATION=token).status_code == 422
    assert not Synthesis.objects.exists()


def test_a_browser_session_must_send_the_csrf_token_to_publish(warehouse, mentor):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(mentor)
    assert publish(browser, warehouse, {"standing": "Forged."}).status_code == 403
    browser.get(warehouse.get_absolute_url())  # a page sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    assert publish(browser, warehouse, {"standing": "Meant."},
                   HTTP_X_CSRFTOKEN=token).status_code == 200
    assert Synthesis.objects.get().versions.get().standing == "Meant."


def test_a_thread_with_no_text_gives_an_empty_draft_not_an_error(mentor_client, oranges):
    from tests.mentoring.syntheses.conftest import post

    empty = post(oranges, "(photos of the grading shed)", "")
    response = draft_of(mentor_client, empty.thread)
    assert response.status_code == 200
    assert response.json() == {"learned": [], "standing": "", "next_questions": [],
                               "source": "extractive"}
