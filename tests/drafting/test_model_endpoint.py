"""With LLM_URL set, the draft comes from an OpenAI-compatible chat endpoint, in the same three
parts with the same links; on any failure the mentor gets the extractive draft instead.

No language model runs here, so the endpoint is a small local HTTP server (the standard
library's http.server in a thread) speaking the OpenAI chat-completions protocol: it receives
the real request over a real socket and answers what each test makes it answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.conf import settings

from learnlink.drafting.drafts import Post
from learnlink.drafting.llm import Endpoint
from learnlink.drafting.synthesis import endpoint, synthesise
from tests.drafting.chat import ChatServer
from tests.drafting.threads import demo_threads

WAREHOUSE = "How do the Mbonzo warehouse receipts work?"


@pytest.fixture
def posts() -> list[Post]:
    return demo_threads("warehouse-receipts")[WAREHOUSE]


def model_answer(**parts: Any) -> str:
    answer = {"learned": [{"text": "A receipt lets a farmer borrow from the SACCO.", "message": 2},
                          {"text": "The warehouse weighs every bag in front of her.",
                           "message": 3}],
              "standing": "Members wait for a better price; nobody is forced to.",
              "next_questions": [{"text": "What happens when prices do not rise?",
                                  "message": 4}]}
    return json.dumps(answer | parts)


def test_the_model_writes_the_three_parts_linked_to_the_messages_it_cites(
        chat_server: ChatServer, posts: list[Post]) -> None:
    chat_server.answer_with(f"```json\n{model_answer()}\n```")
    draft = synthesise(posts, Endpoint(chat_server.url, timeout=5))
    assert draft.source == "llm"
    assert [(p.text, p.message_id) for p in draft.learned] == [
        ("A receipt lets a farmer borrow from the SACCO.", posts[1].message_id),
        ("The warehouse weighs every bag in front of her.", posts[2].message_id)]
    assert draft.standing == "Members wait for a better price; nobody is forced to."
    assert draft.next_questions[0].message_id == posts[3].message_id

    path, request = chat_server.requests[0]
    assert path == "/v1/chat/completions"
    assert [message["role"] for message in request["messages"]] == ["system", "user"]
    prompt = request["messages"][1]["content"]
    assert prompt.startswith("[1] gabriel.mwakalinga@example.org, 2003-10-06:")
    assert "[5] jackson.mwasomola@example.net" in prompt
    assert "> Next question" not in prompt  # quotes stay out, as in the extractive draft


def test_a_server_error_gives_the_extractive_draft(chat_server: ChatServer,
                                                  posts: list[Post]) -> None:
    chat_server.status, chat_server.body = 500, b'{"error": "model not loaded"}'
    draft = synthesise(posts, Endpoint(chat_server.url, timeout=5))
    assert draft.source == "extractive"
    assert draft == synthesise(posts)


@pytest.mark.parametrize("slowness", ["stall", "trickle"])
def test_a_model_that_does_not_answer_in_time_gives_the_extractive_draft(
        chat_server: ChatServer, posts: list[Post], slowness: str) -> None:
    """A model that says nothing for longer than the timeout, or that sends its answer a byte
    at a time: each byte well within the socket's timeout, the whole answer not."""
    chat_server.answer_with(model_answer())
    setattr(chat_server, slowness, True)
    draft = synthesise(posts, Endpoint(chat_server.url, timeout=0.5))
    chat_server.release.set()
    assert draft.source == "extractive" and draft.learned


@pytest.mark.parametrize("content", [
    "Here is the synthesis: the farmers learned a lot.",  # not JSON
    '{"learned": [{"text": "A point", "message": 2}], "standing": 3}',  # a part of a wrong kind
    '{"learned": [{"text": "A point", "message": 99}]}',  # a message the thread does not have
    '{"learned": [{"text": "", "message": 1}]}',
    '["learned"]',
])
def test_an_answer_that_is_not_the_draft_asked_for_gives_the_extractive_draft(
        chat_server: ChatServer, posts: list[Post], content: str) -> None:
    chat_server.answer_with(content)
    assert synthesise(posts, Endpoint(chat_server.url, timeout=5)).source == "extractive"


@pytest.mark.parametrize("body", [b"<html>Bad gateway</html>", b'{"choices": []}', b""])
def test_a_reply_that_is_not_a_chat_completion_gives_the_extractive_draft(
        chat_server: ChatServer, posts: list[Post], body: bytes) -> None:
    chat_server.body = body
    assert synthesise(posts, Endpoint(chat_server.url, timeout=5)).source == "extractive"


def test_an_endpoint_nobody_listens_on_gives_the_extractive_draft(posts: list[Post]) -> None:
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()
    assert synthesise(posts, Endpoint(f"http://127.0.0.1:{port}/v1", 2)).source == "extractive"
    assert synthesise(posts, Endpoint("file:///etc/passwd", 2)).source == "extractive"


def test_without_llm_url_no_endpoint_is_asked(chat_server: ChatServer,
                                              posts: list[Post]) -> None:
    assert settings.LLM_URL == ""
    assert endpoint(settings.LLM_URL, settings.LLM_TIMEOUT) is None
    assert synthesise(posts, endpoint("", 5)).source == "extractive"
    assert chat_server.requests == []
    assert endpoint(chat_server.url, 5) == Endpoint(chat_server.url, 5)


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("LLM_URL", "ftp://models.example.org/v1", "LLM_URL must be an http:// or https:// address"),
    ("LLM_TIMEOUT", "0", "LLM_TIMEOUT must be a number of seconds above 0"),
])
def test_a_wrong_llm_setting_stops_the_start_with_a_clear_error(
        variable: str, value: str, message: str) -> None:
    environment = os.environ | {variable: value, "DJANGO_SETTINGS_MODULE": "learnlink.settings"}
    started = subprocess.run([sys.executable, "-c", "import learnlink.settings"],
                             env=environment, capture_output=True, text=True, check=False)
    assert started.returncode != 0
    assert message in started.stderr
