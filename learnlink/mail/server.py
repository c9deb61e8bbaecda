"""The LMTP and SMTP server (aiosmtpd). It refuses unknown recipients at RCPT time and answers
250 for a recipient only after that recipient's copy is committed to the inbox."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.conf import settings
from django.db import close_old_connections, connections

from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mail.routing import route_for

log = logging.getLogger(__name__)
_T = TypeVar("_T")
DATABASE_THREADS = 4


class InboxHandler:
    """aiosmtpd hooks: check each recipient, store each copy, answer per recipient in LMTP.

    The database work runs in the handler's own threads, so that stopping the server can close
    the connections those threads opened instead of leaving them to the process's end."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.pool = ThreadPoolExecutor(DATABASE_THREADS, thread_name_prefix=f"{source}-inbox")

    async def _in_thread(self, function: Callable[..., _T], *args: Any) -> _T:
        return await asyncio.get_running_loop().run_in_executor(self.pool, function, *args)

    def close(self) -> None:
        """Close every thread's database connection: each of the pool's threads takes one
        task, and none ends before all have started, so no thread is missed."""
        barrier = threading.Barrier(DATABASE_THREADS)

        def close_here() -> None:
            barrier.wait(timeout=10)
            connections.close_all()

        for future in [self.pool.submit(close_here) for _ in range(DATABASE_THREADS)]:
            future.result()
        self.pool.shutdown()

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        if await self._in_thread(_known, address):
            envelope.rcpt_tos.append(address)
            return "250 2.1.5 OK"
        return "550 5.1.1 No such group or address here"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        statuses = [await self._in_thread(self._store, raw, recipient, envelope.mail_from or "")
                    for recipient in envelope.rcpt_tos]
        if self.source == Source.LMTP:
            return "\r\n".join(statuses)
        # SMTP has one answer: accepted only if every copy is safe, else the client retries all.
        failed = [s for s in statuses if not s.startswith("250")]
        return failed[0] if failed else statuses[0]

    def _store(self, raw: bytes, recipient: str, mail_from: str) -> str:
        close_old_connections()
        try:
            receive(raw, [recipient], self.source, mail_from)
        except Exception:
            log.exception("could not store a message for %s", recipient)
            return "451 4.3.0 Could not store the message; try again later"
        return "250 2.0.0 Stored"


def _known(address: str) -> bool:
    close_old_connections()
    return route_for(address) is not None


# Real mail breaks the 1,000-character line limit (HTML on one line, pasted price lists); the
# bytes are accepted as they are rather than refused, since a refused message is a lost one.
LONG_LINES = 1 << 20


class LenientSMTP(SMTP):
    line_length_limit = LONG_LINES


class LenientLMTP(LMTP):
    line_length_limit = LONG_LINES


class InboxController(Controller):
    protocol: type[SMTP] = LenientSMTP

    def factory(self) -> SMTP:
        return self.protocol(self.handler, **self.SMTP_kwargs)

    def stop(self, no_assert: bool = False) -> None:
        super().stop(no_assert)
        self.handler.close()


class LMTPController(InboxController):
    protocol = LenientLMTP


def controller(source: Source, host: str, port: int) -> Controller:
    """A started-on-demand server for LMTP or SMTP on host:port."""
    kwargs: dict[str, Any] = {"data_size_limit": settings.LEARNLINK_SERVER_SIZE_LIMIT,
                              "enable_SMTPUTF8": True, "decode_data": False}
    cls = LMTPController if source == Source.LMTP else InboxController
    return cls(InboxHandler(source), hostname=host, port=port, **kwargs)
