"""Relays on loopback that misbehave the way real ones do, for the outbox tests.

`Relay` is an aiosmtpd handler that records every envelope (the VERP sender included) and
refuses the recipients a test names, at RCPT or after the message, with the reply it is given.
`RawRelay` is a bare asyncio server for what aiosmtpd will not do: refuse us at the greeting,
drop the connection in the middle of DATA, or never answer at all.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.conftest import free_port, relay_to, started


@dataclass(frozen=True)
class Received:
    """One transaction the relay accepted."""

    mail_from: str
    rcpt_to: tuple[str, ...]
    raw: bytes
    message: EmailMessage
    peer: tuple[str, int]  # the sender's end of the connection


class Relay:
    """Accepts everything except what a test tells it to refuse."""

    def __init__(self) -> None:
        self.refuse_at_rcpt: dict[str, str] = {}  # recipient -> reply, e.g. "451 4.3.0 later"
        self.refuse_after_data: dict[str, str] = {}
        self.tries: Counter[str] = Counter()  # RCPT TO per recipient, accepted or not
        self._received: list[Received] = []
        self._lock = threading.Lock()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        with self._lock:
            self.tries[address.lower()] += 1
            refusal = self.refuse_at_rcpt.get(address.lower())
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            refusal = next((self.refuse_after_data[r.lower()] for r in envelope.rcpt_tos
                            if r.lower() in self.refuse_after_data), "")
        if refusal:
            return refusal
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self._lock:
            self._received.append(Received(envelope.mail_from,
                                           tuple(r.lower() for r in envelope.rcpt_tos),
                                           envelope.original_content, message,
                                           tuple(session.peer)))
        return "250 OK"

    @property
    def received(self) -> list[Received]:
        with self._lock:
            return list(self._received)

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address.lower() in r.rcpt_to]

    def copies(self) -> Counter[str]:
        """How many copies each recipient was given."""
        return Counter(address for r in self.received for address in r.rcpt_to)


@contextmanager
def relay_for_learnlink(settings: Any) -> Iterator[Relay]:
    """A `Relay` on a free port, with Learnlink's outbox pointed at it."""
    relay = Relay()
    controller = started(lambda port: Controller(relay, hostname="127.0.0.1", port=port))
    relay_to(settings, controller.port)
    try:
        yield relay
    finally:
        controller.stop()


Conversation = Callable[["RawRelay", asyncio.StreamReader, asyncio.StreamWriter],
                        Awaitable[None]]


class RawRelay:
    """A bare TCP server on loopback running one `Conversation` per connection."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.port = free_port()
        self.connections = 0
        self.messages_cut = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="raw-relay",
                                        daemon=True)
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()

    def __enter__(self) -> RawRelay:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._client, "127.0.0.1", self.port), self._loop).result(5)
        return self

    def __exit__(self, *exc_info: object) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        self.connections += 1
        try:
            await self.conversation(self, reader, writer)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
            self._writers.discard(writer)
            self._tasks.discard(task)

    async def _shutdown(self) -> None:
        self._server.close()
        for writer in list(self._writers):
            writer.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()


async def refuse_at_greeting(relay: RawRelay, reader: asyncio.StreamReader,
                             writer: asyncio.StreamWriter) -> None:
    """A relay that will not talk to us at all (our IP is blocked, or it is misconfigured)."""
    writer.write(b"554 5.7.1 relay.example.net: no SMTP service here for you\r\n")
    await writer.drain()


async def cut_in_data(relay: RawRelay, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
    """Accepts the envelope, says 354, reads the first bytes of the message and hangs up."""
    writer.write(b"220 relay.example.net ESMTP\r\n")
    while line := await reader.readline():
        verb = line[:4].upper()
        if verb in (b"EHLO", b"HELO"):
            writer.write(b"250-relay.example.net\r\n250 8BITMIME\r\n")
        elif verb == b"DATA":
            writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            await writer.drain()
            await reader.read(100)
            relay.messages_cut += 1
            return
        elif verb == b"QUIT":
            writer.write(b"221 Bye\r\n")
            return
        else:
            writer.write(b"250 OK\r\n")
        await writer.drain()


async def never_answer(relay: RawRelay, reader: asyncio.StreamReader,
                       writer: asyncio.StreamWriter) -> None:
    """Accepts the connection and then says nothing, until the client gives up."""
    while await reader.read(1024):
        pass


async def overlong_reply(relay: RawRelay, reader: asyncio.StreamReader,
                         writer: asyncio.StreamWriter) -> None:
    """Not an SMTP server at all: a greeting line longer than any reader will buffer."""
    writer.write(b"220 " + b"x" * 100_000 + b"\r\n")
    await writer.drain()
    while await reader.read(1024):
        pass
