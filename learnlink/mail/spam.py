"""SpamAssassin's score for inbound mail, asked of its daemon (spamd) at SPAMD_URL over the
SPAMC protocol, when that is set; without it nothing is checked. Transport only: what a score
means for a group (its threshold, the quarantine) is the exchange's to decide.

Every wait is bounded: the connection, each read and the whole answer share SPAMD_TIMEOUT, and
mail larger than SPAMD_MAX_SIZE is not sent (as spamc does: spam is small, and a large photo
would only keep the daemon busy).
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

ANSWER_LIMIT = 64 * 1024  # a SYMBOLS answer is a few hundred bytes


class SpamdError(Exception):
    """spamd could not be asked, or gave no score; the message says why."""


@dataclass(frozen=True)
class SpamScore:
    score: float
    rules: list[str]  # the names of the rules that matched, as spamd lists them


def spam_score(raw: bytes) -> SpamScore | None:
    """The score of `raw`; None when no spamd is set or the mail is too large to send."""
    if not settings.SPAMD_URL or len(raw) > settings.SPAMD_MAX_SIZE:
        return None
    address = urlsplit(settings.SPAMD_URL)
    deadline = time.monotonic() + settings.SPAMD_TIMEOUT
    request = b"SYMBOLS SPAMC/1.5\r\nContent-length: %d\r\n\r\n" % len(raw) + raw
    try:
        with socket.create_connection((address.hostname or "127.0.0.1", address.port or 783),
                                      timeout=settings.SPAMD_TIMEOUT) as connection:
            connection.sendall(request)
            connection.shutdown(socket.SHUT_WR)
            answer = _read(connection, deadline)
    except OSError as error:  # refused, reset, timed out
        raise SpamdError(f"spamd at {settings.SPAMD_URL}: {error or type(error).__name__}") \
            from error
    return parse_answer(answer)


def _read(connection: socket.socket, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < ANSWER_LIMIT:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no whole answer in time")
        connection.settimeout(left)
        chunk = connection.recv(4096)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def parse_answer(answer: bytes) -> SpamScore:
    """Read `SPAMD/1.1 0 EX_OK`, the `Spam: True ; 1000.0 / 5.0` header and, after the blank
    line, the matched rules separated by commas."""
    head, _blank, body = answer.decode("utf-8", "replace").partition("\r\n\r\n")
    status, *headers = head.split("\r\n")
    if not status.startswith("SPAMD/") or " 0 " not in f"{status} ":
        raise SpamdError(f"spamd answered {status[:200]!r}")
    for header in headers:
        name, _colon, value = header.partition(":")
        if name.strip().lower() == "spam":
            try:
                score = float(value.split(";")[1].split("/")[0])
            except (IndexError, ValueError):
                break
            return SpamScore(score, [rule for rule in body.strip().split(",") if rule])
    raise SpamdError(f"spamd gave no score: {head[:200]!r}")
