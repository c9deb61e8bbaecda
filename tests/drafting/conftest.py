"""The drafting tests' fixtures: the local chat-completions server (see chat.py)."""

from tests.drafting.chat import chat_server  # noqa: F401 (a fixture, shared with mentoring)
