"""A lean asyncio SMTP client for the outbox: one connection sends message after message.

Why not smtplib or aiosmtplib: a post to 10,000 members is 10,000 transactions (VERP gives each
recipient its own envelope sender), and both spend several times more CPU per transaction than
the relay itself on a 2-core machine. This client does only what delivery needs: EHLO,
STARTTLS or TLS, AUTH PLAIN, and MAIL/RCPT/DATA, pipelined when the relay offers PIPELINING.
"""

from __future__ import annotations

import asyncio
import base64
import re
import socket
import ssl
from dataclasses import dataclass

_DOT_AT_LINE_START = re.compile(rb"(?m)^\.")


@dataclass(frozen=True)
class Relay:
    host: str
    port: int
    use_tls: bool = False  # STARTTLS after EHLO
    use_ssl: bool = False  # TLS from the first byte (port 465)
    username: str = ""
    password: str = ""
    timeout: float = 60.0


class SmtpReply(Exception):
    """The relay said no: 4xx means try again later, 5xx means never."""

    def __init__(self, code: int, text: str, stage: str) -> None:
        super().__init__(f"{code} {text} (after {stage})")
        self.code, self.text, self.stage = code, text, stage

    @property
    def permanent(self) -> bool:
        return self.code >= 500


def stuff(data: bytes) -> bytes:
    """CRLF line ends, leading dots doubled and the closing dot added (RFC 5321 4.5.2):
    done once per rendered message, not once per recipient."""
    data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return _DOT_AT_LINE_START.sub(b"..", data) + b".\r\n"


class Connection:
    def __init__(self, relay: Relay) -> None:
        self.relay = relay
        self.pipelining = False
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        async with asyncio.timeout(self.relay.timeout):
            await self._open()

    async def _open(self) -> None:
        relay = self.relay
        self._reader, self._writer = await asyncio.open_connection(
            relay.host, relay.port, ssl=ssl.create_default_context() if relay.use_ssl else None)
        await self._expect(220, "connect")
        extensions = await self._ehlo()
        if relay.use_tls:
            await self._command(b"STARTTLS", 220, "STARTTLS")
            await self._live_writer().start_tls(ssl.create_default_context())
            extensions = await self._ehlo()
        if relay.username:
            secret = base64.b64encode(f"\0{relay.username}\0{relay.password}".encode())
            await self._command(b"AUTH PLAIN " + secret, 235, "AUTH")
        self.pipelining = "PIPELINING" in extensions

    async def send(self, sender: str, recipient: str, stuffed: bytes) -> None:
        """One transaction; raises SmtpReply if the relay refuses at any step, TimeoutError if
        it takes longer than the relay's timeout. One timer per transaction, not per reply:
        at thousands of transactions a second the timers were a third of the client's work."""
        async with asyncio.timeout(self.relay.timeout):
            await self._transaction(sender, recipient, stuffed)

    async def _transaction(self, sender: str, recipient: str, stuffed: bytes) -> None:
        writer = self._live_writer()
        mail = f"MAIL FROM:<{sender}>".encode()
        rcpt = f"RCPT TO:<{recipient}>".encode()
        if self.pipelining:
            writer.write(b"\r\n".join([mail, rcpt, b"DATA", b""]))
            replies = [await self._reply() for _stage in range(3)]
            for (code, text), (wanted, stage) in zip(
                    replies, [(250, "MAIL"), (250, "RCPT"), (354, "DATA")], strict=True):
                if code != wanted:
                    raise SmtpReply(code, text, stage)
        else:
            await self._command(mail, 250, "MAIL")
            await self._command(rcpt, 250, "RCPT")
            await self._command(b"DATA", 354, "DATA")
        writer.write(stuffed)
        await writer.drain()
        await self._expect(250, "the message")

    async def close(self) -> None:
        if self._writer is None:
            return
        writer, self._writer = self._writer, None
        try:
            writer.write(b"QUIT\r\n")
            await asyncio.wait_for(writer.drain(), 5)
            writer.close()
            await asyncio.wait_for(writer.wait_closed(), 5)
        except (TimeoutError, OSError, ssl.SSLError):
            pass

    async def reset(self) -> None:
        """After a refused transaction (pipelined or not) the connection carries the next."""
        async with asyncio.timeout(self.relay.timeout):
            await self._command(b"RSET", 250, "RSET")

    async def _ehlo(self) -> set[str]:
        self._live_writer().write(f"EHLO {socket.getfqdn()}\r\n".encode())
        code, text = await self._reply()
        if code != 250:
            raise SmtpReply(code, text, "EHLO")
        return {line.split(" ")[0].upper() for line in text.splitlines()[1:]}

    async def _command(self, line: bytes, wanted: int, stage: str) -> None:
        self._live_writer().write(line + b"\r\n")
        await self._expect(wanted, stage)

    async def _expect(self, wanted: int, stage: str) -> None:
        code, text = await self._reply()
        if code != wanted:
            raise SmtpReply(code, text, stage)

    async def _reply(self) -> tuple[int, str]:
        """A (possibly multi-line) reply; a closed connection raises ConnectionError."""
        if self._reader is None:
            raise ConnectionError("not connected")
        lines = []
        while True:
            line = await self._reader.readline()
            if not line.endswith(b"\n"):
                raise ConnectionError("the relay closed the connection")
            lines.append(line[4:].strip().decode("utf-8", "replace"))
            if line[3:4] != b"-":
                try:
                    return int(line[:3]), "\n".join(lines)
                except ValueError:
                    raise ConnectionError(f"not an SMTP reply: {line[:80]!r}") from None

    def _live_writer(self) -> asyncio.StreamWriter:
        if self._writer is None:
            raise ConnectionError("not connected")
        return self._writer
