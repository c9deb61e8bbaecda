"""Thread clean-up by the API, with a Bearer token from `learnlink create_token` as a script
uses it; messages named by their Message-ID."""

import json

from django.test import Client

from learnlink.exchange.models import Thread
from tests.exchange.test_api import token_for


def call(client: Client, path: str, body: dict | None = None, token: str = ""):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if body is None and not path.endswith("/undo"):
        return client.get(f"/api{path}", **headers)
    return client.post(f"/api{path}", json.dumps(body or {}), content_type="application/json",
                       **headers)


def test_a_mentor_moves_splits_renames_merges_reads_the_log_and_undoes_with_a_token(
        client, talk, mentor):
    token = token_for("joseph.mshana@example.org")
    selling, grading = talk.thread(talk.question), talk.thread(talk.grading)

    moved = call(client, f"/threads/{selling.pk}/move", {
        "message_id": "<f@example.org>", "to_thread": grading.pk, "with_replies": False},
        token)
    assert moved.status_code == 200, moved.content
    assert {(t["id"], t["messages"]) for t in moved.json()["threads"]} == {
        (selling.pk, 2), (grading.pk, 3)}

    split = call(client, f"/threads/{selling.pk}/split", {"message_id": "a@example.org"}, token)
    [new] = [t for t in split.json()["threads"] if t["id"] != selling.pk]
    renamed = call(client, f"/threads/{new['id']}/rename", {"subject": "Grading for Dar"},
                   token)
    assert renamed.json()["threads"][0]["subject"] == "Grading for Dar"
    merged = call(client, f"/threads/{new['id']}/merge", {"into_thread": grading.pk}, token)
    assert [(t["id"], t["messages"]) for t in merged.json()["threads"]] == [(grading.pk, 4)]

    log = call(client, f"/threads/{grading.pk}/log", token=token).json()
    assert [item["action"] for item in log] == ["move", "merge"]
    assert {item["by"] for item in log} == {"Joseph Mshana"}
    assert log[0]["before"]["messages"][0]["message_id"] == "f@example.org"
    assert log[0]["before"]["messages"][0]["thread"] == selling.pk

    refused = call(client, f"/threads/{grading.pk}/log/{log[0]['n']}/undo", token=token)
    assert refused.status_code == 409
    assert "undo that first" in refused.json()["detail"]
    undone = call(client, f"/threads/{grading.pk}/log/{log[1]['n']}/undo", token=token)
    assert undone.status_code == 200
    assert Thread.objects.get(pk=new["id"]).subject == "Grading for Dar"


def test_a_loop_is_refused_with_its_reason(client, talk, mentor):
    token = token_for("joseph.mshana@example.org")
    thread = talk.thread(talk.answer)

    response = call(client, f"/threads/{thread.pk}/move", {
        "message_id": "a@example.org", "to_thread": thread.pk, "under": "f@example.org"},
        token)

    assert response.status_code == 409
    assert "would make a loop" in response.json()["detail"]


def test_a_learners_token_or_no_token_changes_nothing(client, talk, learner):
    thread = talk.thread(talk.question)
    body = {"message_id": "a@example.org"}
    for token in (token_for("halima@example.org"), ""):
        assert call(client, f"/threads/{thread.pk}/split", body, token).status_code == 404
        assert call(client, f"/threads/{thread.pk}/log", token=token).status_code == 404
    assert Thread.objects.filter(group=talk.group).count() == 2


def test_a_browser_session_must_send_its_csrf_token(talk, mentor):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(mentor)
    thread = talk.thread(talk.question)

    forged = call(browser, f"/threads/{thread.pk}/rename", {"subject": "Hijacked"})

    assert forged.status_code == 403
    assert Thread.objects.get(pk=thread.pk).subject == "Selling oranges together"
    browser.get(thread.get_absolute_url())  # the page sets the CSRF cookie
    response = browser.post(f"/api/threads/{thread.pk}/rename", json.dumps({"subject": "Sold"}),
                            content_type="application/json",
                            HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)
    assert response.status_code == 200
