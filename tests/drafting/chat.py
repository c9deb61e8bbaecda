"""A small local HTTP server speaking the OpenAI chat-completions protocol, for the tests of
LLM_URL: no language model runs in the tests, so the endpoint is the standard library's
http.server in a thread, which receives the real request over a real socket and answers what
each test makes it answer (`chat_server`: a conftest imports the fixture where it is used)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class ChatServer:
    """What the endpoint answers next (`status`, `body`), whether it first waits for `release`
    (a model too slow to answer) or sends its answer a byte at a time (`trickle`), and the
    requests it received."""

    url: str = ""
    status: int = 200
    body: bytes = b""
    stall: bool = False
    trickle: bool = False
    release: threading.Event = field(default_factory=threading.Event)
    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def answer_with(self, content: str) -> None:
        """A chat completion whose message is `content`, as OpenAI's API writes one."""
        self.body = json.dumps({
            "id": "chatcmpl-1", "object": "chat.completion", "model": "local",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
        }).encode()


@pytest.fixture
def chat_server() -> Iterator[ChatServer]:
    server_state = ChatServer()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            server_state.requests.append((self.path, json.loads(self.rfile.read(length))))
            if server_state.stall:
                server_state.release.wait(10)
            try:
                self.send_response(server_state.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(server_state.body)))
                self.end_headers()
                for start in range(0, len(server_state.body), 1 if server_state.trickle else
                                   len(server_state.body) or 1):
                    self.wfile.write(server_state.body[start:start + 1 if server_state.trickle
                                                       else None])
                    self.wfile.flush()
                    if server_state.trickle:
                        server_state.release.wait(0.01)
            except OSError:
                pass  # the client gave up waiting

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server_state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    yield server_state
    server_state.release.set()
    server.shutdown()
    server.server_close()
    thread.join()
