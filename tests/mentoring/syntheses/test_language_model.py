"""With LLM_URL set, the mentor's draft (page and API) comes from an OpenAI-compatible chat
endpoint, its points linked to the messages it cites; when the endpoint fails, the extractive
draft comes instead and the page says so.

No language model runs in the tests: the endpoint is a small local HTTP server speaking the
chat-completions protocol (tests/drafting/chat.py), which receives the real request over a
real socket and answers what the test makes it answer."""

from __future__ import annotations

import json

from django.urls import reverse

from learnlink.exchange.models import Message

JACKSON = "20031010130000.8562d669@example.net"
ATUPELE = "20031013104000.ea8830bb@example.net"


def model_draft() -> str:
    return json.dumps({
        "learned": [{"text": "Members borrow from the SACCO against the receipt.", "message": 2},
                    {"text": "Every bag is weighed with the farmer watching.", "message": 3}],
        "standing": "The group decides together when to sell.",
        "next_questions": [{"text": "What if the price does not cover the fee?",
                            "message": 4}]})


def test_the_draft_page_shows_the_models_draft_linked_to_the_messages_it_cites(
        mentor_client, warehouse, chat_server, settings):
    settings.LLM_URL, settings.LLM_TIMEOUT = chat_server.url, 5
    chat_server.answer_with(model_draft())
    response = mentor_client.get(reverse("mentoring:synthesis_draft", args=[warehouse.pk]))
    assert response.status_code == 200
    jackson = Message.objects.get(group=warehouse.group, message_id=JACKSON)
    atupele = Message.objects.get(group=warehouse.group, message_id=ATUPELE)
    assert response.context["form"].initial["learned"] == (
        f"Members borrow from the SACCO against the receipt. [m{jackson.pk}]\n"
        f"Every bag is weighed with the farmer watching. [m{atupele.pk}]")
    assert "Drafted by the network's language model" in response.content.decode()
    [(path, request)] = chat_server.requests
    assert path == "/v1/chat/completions"
    prompt = request["messages"][1]["content"]
    assert "[2] Jackson Mwasomola" in prompt, "the posts in the order they were posted"
    assert "> Next question" not in prompt, "each message's own text, without its quotes"


def test_the_api_gives_the_models_draft_with_real_message_ids(
        mentor_client, warehouse, chat_server, settings):
    settings.LLM_URL = chat_server.url
    chat_server.answer_with(model_draft())
    body = mentor_client.get(f"/api/threads/{warehouse.pk}/synthesis/draft").json()
    assert body["source"] == "llm"
    assert [p["message_id"] for p in body["learned"]] == [JACKSON, ATUPELE]


def test_when_the_model_fails_the_mentor_gets_the_extractive_draft(
        mentor_client, warehouse, chat_server, settings):
    settings.LLM_URL = chat_server.url
    chat_server.status, chat_server.body = 503, b'{"error": "model loading"}'
    response = mentor_client.get(reverse("mentoring:synthesis_draft", args=[warehouse.pk]))
    assert response.status_code == 200
    assert chat_server.requests, "the endpoint was asked"
    assert "Drafted from the messages' own sentences" in response.content.decode()
    assert response.context["form"].initial["learned"]
    body = mentor_client.get(f"/api/threads/{warehouse.pk}/synthesis/draft").json()
    assert body["source"] == "extractive" and body["learned"]
