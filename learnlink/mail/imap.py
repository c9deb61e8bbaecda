"""Polling a mailbox at a webmail provider, for networks whose group address lives there.

The order of the steps is what keeps mail safe. Messages are fetched with BODY.PEEK[], so the
provider marks nothing read; each is given to `inbox.receive()`, which commits the bytes; only
then are the stored ones moved to the done folder. A crash between storing and moving means a
message is fetched again on the next poll, and the exchange keeps one message per Message-ID, so
at worst we store twice; moving (or deleting) first could lose mail for good.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from imapclient import DELETED, IMAPClient

from learnlink.mail.inbox import receive
from learnlink.mail.models import Source

log = logging.getLogger(__name__)

BATCH = 50
TIMEOUT = 60
PORTS = {"imap": 143, "imaps": 993}


@dataclass(frozen=True)
class PollResult:
    stored: int
    moved: int


@dataclass(frozen=True)
class Mailbox:
    host: str
    port: int
    tls: bool
    user: str
    password: str = field(repr=False)  # kept out of logs and tracebacks
    folder: str


def parse_url(url: str) -> Mailbox:
    """`imaps://user:password@host:993/INBOX`; user and password may be percent-encoded."""
    parts = urlsplit(url)
    if parts.scheme not in PORTS or not parts.hostname or parts.username is None:
        raise ValueError("expected imaps://user:password@host:993/FOLDER or imap://...")
    return Mailbox(host=parts.hostname, port=parts.port or PORTS[parts.scheme],
                   tls=parts.scheme == "imaps", user=unquote(parts.username),
                   password=unquote(parts.password or ""),
                   folder=unquote(parts.path.lstrip("/")) or "INBOX")


def poll(url: str, recipient: str, done_folder: str) -> PollResult:
    """Store every message in the mailbox's folder for `recipient`, then move it out of the way."""
    mailbox = parse_url(url)
    stored = moved = 0
    with IMAPClient(mailbox.host, mailbox.port, ssl=mailbox.tls, timeout=TIMEOUT) as client:
        client.login(mailbox.user, mailbox.password)
        if not client.folder_exists(done_folder):
            client.create_folder(done_folder)
        client.select_folder(mailbox.folder)
        # Skip what is flagged \Deleted: stored by an earlier poll whose expunge did not happen.
        for batch in batches(client.search(["NOT", "DELETED"])):
            done = store(client, batch, recipient)
            stored += len(done)
            moved += move(client, done, done_folder)
    return PollResult(stored=stored, moved=moved)


def batches(uids: list[int]) -> Iterator[list[int]]:
    """A few at a time, so a large backlog neither fills memory nor waits all to be moved."""
    for start in range(0, len(uids), BATCH):
        yield uids[start:start + BATCH]


def store(client: IMAPClient, uids: list[int], recipient: str) -> list[int]:
    """The UIDs whose bytes are now committed; a message that fails stays in the mailbox."""
    done = []
    for uid, data in client.fetch(uids, ["BODY.PEEK[]"]).items():
        try:
            receive(data[b"BODY[]"], [recipient], Source.IMAP)
        except Exception:  # any failure: leave it for the next poll and store the others
            log.exception("IMAP message %s for %s could not be stored", uid, recipient)
        else:
            done.append(uid)
    return done


def move(client: IMAPClient, uids: list[int], folder: str) -> int:
    """Move exactly `uids`. Without MOVE, copy them, flag them \\Deleted and expunge only those
    (UIDPLUS); a server without UIDPLUS keeps them flagged, which the next poll skips, because a
    plain EXPUNGE would also remove what someone else flagged in the provider's webmail."""
    if not uids:
        return 0
    if client.has_capability("MOVE"):
        client.move(uids, folder)
    else:
        client.copy(uids, folder)
        client.add_flags(uids, [DELETED], silent=True)
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(uids)
    return len(uids)
