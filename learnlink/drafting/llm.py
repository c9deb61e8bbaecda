"""A draft written by a language model, for networks that run one behind an OpenAI-compatible
chat endpoint (llama.cpp's server, vLLM, Ollama, a hosted API).

The model gets the posts numbered [1], [2], ... and must answer with JSON only, in the same
three parts as the extractive draft, each point citing the number of its message. Anything but
such an answer (a refused connection, an HTTP error, a timeout, text that is not that JSON, a
point citing a message that is not in the thread) raises `ModelError`, and the caller falls back
to the extractive draft. Nothing is downloaded and nothing is kept.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from learnlink.drafting.drafts import Draft, Point, Post
from learnlink.drafting.sentences import message_sentences

MOST_PER_POST = 2_000  # characters of each post sent to the model
MOST_IN_ALL = 40_000  # characters of all posts: a long thread keeps its first and last posts
MOST_ANSWER = 200_000  # bytes of an answer read before giving up on it

INSTRUCTIONS = """You help the mentor of a learning network of farmer groups synthesise a \
discussion. The messages are numbered [1], [2], ... Answer with one JSON object and nothing else:
{"learned": [{"text": "...", "message": 1}],
 "standing": "...",
 "next_questions": [{"text": "...", "message": 2}]}
"learned": up to 8 key points of what has been learned, each citing the message it comes from.
"standing": two or three sentences on where the discussion stands: decisions and plans.
"next_questions": the questions of the discussion still open, those nobody answered first, each \
citing the message that asks it.
Write in the language of the messages. Use only what the messages say."""


class ModelError(Exception):
    """The endpoint gave no usable draft; the reason says why."""


@dataclass(frozen=True)
class Endpoint:
    """Where the model answers: `url` is the API's base (http://host:8080/v1) or its chat
    completions address; `timeout` the seconds the whole answer may take."""

    url: str
    timeout: float = 20.0
    model: str = ""
    api_key: str = ""

    @property
    def chat_url(self) -> str:
        url = self.url.rstrip("/")
        return url if url.endswith("/chat/completions") else f"{url}/chat/completions"


def model_draft(posts: Sequence[Post], endpoint: Endpoint) -> Draft:
    """The model's draft of the posts; raises ModelError when there is none to use."""
    body: dict[str, Any] = {
        "messages": [{"role": "system", "content": INSTRUCTIONS},
                     {"role": "user", "content": _numbered(posts)}],
        "temperature": 0.2,
    }
    if endpoint.model:
        body["model"] = endpoint.model
    answer = _post(endpoint, json.dumps(body).encode())
    return _draft(_content(answer), posts)


def _numbered(posts: Sequence[Post]) -> str:
    """The posts as the model reads them: number, author, organisation, date, own text."""
    blocks = []
    for number, post in enumerate(posts, 1):
        who = f"{post.author} ({post.organisation})" if post.organisation else post.author
        when = f", {post.date:%Y-%m-%d}" if post.date else ""
        text = " ".join(message_sentences(post.text))[:MOST_PER_POST]
        blocks.append(f"[{number}] {who}{when}:\n{text}")
    while len(blocks) > 2 and sum(map(len, blocks)) > MOST_IN_ALL:
        del blocks[len(blocks) // 2]
    return "\n\n".join(blocks)


def _post(endpoint: Endpoint, data: bytes) -> Any:
    """POST the request and read the JSON answer, within the endpoint's timeout in all."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if endpoint.api_key:
        headers["Authorization"] = f"Bearer {endpoint.api_key}"
    if not endpoint.chat_url.startswith(("http://", "https://")):
        raise ModelError(f"LLM_URL is not an http(s) address: {endpoint.url!r}")
    request = urllib.request.Request(endpoint.chat_url, data=data, headers=headers)  # noqa: S310
    deadline = time.monotonic() + endpoint.timeout
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout) as response:  # noqa: S310
            raw = _read_until(response, deadline)
    except urllib.error.HTTPError as error:
        raise ModelError(f"the endpoint answered HTTP {error.code}") from error
    except (OSError, ValueError, http.client.HTTPException) as error:  # refused, timed out...
        raise ModelError(f"the endpoint could not be reached: {error}") from error
    try:
        return json.loads(raw)
    except ValueError as error:
        raise ModelError("the endpoint's answer is not JSON") from error


def _read_until(response: Any, deadline: float) -> bytes:
    """Read the answer in pieces, so a server that trickles it cannot hold us past the
    deadline (the socket's own timeout only bounds each read)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(16_384):
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError("the endpoint took longer than its timeout")
        if size > MOST_ANSWER:
            raise ModelError("the endpoint's answer is too long")
    return b"".join(chunks)


def _content(answer: Any) -> Any:
    """The JSON object the model wrote in its message (fenced in ``` or not)."""
    try:
        text = answer["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as error:
        raise ModelError("the answer is not an OpenAI-style chat completion") from error
    if not isinstance(text, str):
        raise ModelError("the model's message has no text")
    text = text.strip().removeprefix("```json").removeprefix("```").removesuffix("```")
    try:
        return json.loads(text)
    except ValueError as error:
        raise ModelError("the model did not answer with JSON") from error


def _draft(content: Any, posts: Sequence[Post]) -> Draft:
    if not isinstance(content, dict) or not isinstance(content.get("standing", ""), str):
        raise ModelError("the model's JSON does not have the three parts")
    return Draft(learned=_points(content.get("learned"), posts),
                 standing=content.get("standing", "").strip(),
                 next_questions=_points(content.get("next_questions", []), posts),
                 source="llm")


def _points(items: Any, posts: Sequence[Post]) -> list[Point]:
    """Points citing messages by number; a missing text or a message not in the thread makes
    the whole answer untrustworthy."""
    if not isinstance(items, list):
        raise ModelError("the model's points are not a list")
    points = []
    for item in items:
        number = item.get("message") if isinstance(item, dict) else None
        text = item.get("text") if isinstance(item, dict) else None
        if (not isinstance(number, int) or isinstance(number, bool)
                or not 1 <= number <= len(posts) or not isinstance(text, str) or not text.strip()):
            raise ModelError(f"a point does not cite a message of the thread: {item!r}"[:200])
        points.append(Point(text.strip(), posts[number - 1].message_id))
    return points
