"""Importing an old archive (mbox file or maildir) into a group, in batches.

The same path as live mail in substance (raw bytes kept, parsed, threaded, indexed) but built
for volume: parsing runs on every core, and each batch is written with a bounded number of
queries. Messages already in the group are skipped before anything is stored, so running the
import again imports nothing twice. Unreadable messages are kept, quarantined with a reason.
"""

from __future__ import annotations

import datetime
import functools
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from pathlib import Path
from queue import Queue
from threading import Thread as ReaderThread
from typing import TypeVar

from django.db import connections, transaction
from django.utils import timezone

from learnlink.exchange.indexing import index_messages
from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.on_archive import archived
from learnlink.exchange.posting import parsed_columns, save_attachments
from learnlink.exchange.subject_prefix import without_prefix
from learnlink.exchange.thread_placement import DuplicateMessage, Incoming, place_messages
from learnlink.mail.mbox import read_messages
from learnlink.mail.models import InboundMessage, Source, State
from learnlink.mail.parsing import ParsedMessage, ParseError, parse
from learnlink.people.addresses import holder
from learnlink.people.models import EmailAddress, Person
from learnlink.search.engine import update_statistics

BATCH = 350
# A batch also ends once it holds this much mail: a few batches are in flight at once (read
# ahead, parsing, writing), so memory is bounded by their size, not by the archive's messages.
BATCH_BYTES = 8 << 20
_T = TypeVar("_T")


@dataclass
class ImportStats:
    imported: int = 0
    duplicates: int = 0
    quarantined: int = 0
    threads: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"imported={self.imported} duplicates={self.duplicates} "
                f"quarantined={self.quarantined} threads={self.threads} "
                f"seconds={self.seconds:.1f}")


@dataclass(frozen=True, slots=True)
class Read:
    """What a parsing process makes of one message's bytes: all the work that needs nothing
    but the bytes, so that the main process, which writes to the database, does none of it."""

    parsed: ParsedMessage | str  # or why the bytes cannot be read
    columns: dict[str, str]  # parsed_columns(parsed); empty when unreadable
    sha256: str

    @property
    def readable(self) -> ParsedMessage | None:
        return self.parsed if isinstance(self.parsed, ParsedMessage) else None


def _read(raw: bytes, group_footer: str = "") -> Read:
    """Run in a worker process; `group_footer`: the group's own footer text, cut out where
    members quoted our copies."""
    digest = InboundMessage.digest(raw)
    try:
        parsed = parse(raw)
    except ParseError as error:
        return Read(error.reason, {}, digest)
    return Read(parsed, parsed_columns(parsed, group_footer), digest)


def import_mbox(group: Group, path: Path, progress: Callable[[int], None] | None = None,
                processes: int | None = None) -> ImportStats:
    return import_messages(group, read_messages(path), progress, processes)


def import_messages(group: Group, messages: Iterable[bytes],
                    progress: Callable[[int], None] | None = None,
                    processes: int | None = None) -> ImportStats:
    """Each message's bytes into the group's archive, as an mbox import does."""
    stats = ImportStats()
    started = time.monotonic()
    batches = parsed_batches(_prefetched(in_batches(messages, len)), bytes,
                             processes or os.cpu_count() or 1, group.footer)
    for batch in batches:
        _import_batch(group, batch, stats)
        if progress:
            progress(stats.imported + stats.duplicates + stats.quarantined)
    update_statistics()
    stats.threads = Thread.objects.filter(group=group).count()
    stats.seconds = time.monotonic() - started
    return stats


def in_batches(items: Iterable[_T], size_of: Callable[[_T], int]) -> Iterator[list[_T]]:
    """Consecutive batches of BATCH items, or fewer once they weigh BATCH_BYTES: one message of
    20 MB travels alone, instead of with 499 others like it."""
    batch: list[_T] = []
    weight = 0
    for item in items:
        batch.append(item)
        weight += size_of(item)
        if len(batch) >= BATCH or weight >= BATCH_BYTES:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def _prefetched(batches: Iterator[list[bytes]], depth: int = 2) -> Iterator[list[bytes]]:
    """Read ahead in a thread: decompressing an .xz archive releases the GIL, so it overlaps
    with the database work of the main thread instead of adding to it."""
    queue: Queue[list[bytes] | None] = Queue(maxsize=depth)

    def produce() -> None:
        try:
            for batch in batches:
                queue.put(batch)
        finally:
            queue.put(None)

    ReaderThread(target=produce, daemon=True, name="mbox-reader").start()
    while (batch := queue.get()) is not None:
        yield batch


def parsed_batches(chunks: Iterable[list[_T]], raw_of: Callable[[_T], bytes],
                   processes: int, group_footer: str = "") -> Iterator[list[tuple[_T, Read]]]:
    """Each batch of items (raw messages, or rows that hold them) with what parsing made of
    their bytes, in order.

    With several processes the next batch is parsed on the other cores while the caller writes
    the current one to the database, so both kinds of work overlap."""
    if processes <= 1:
        for chunk in chunks:
            yield [(item, _read(raw_of(item), group_footer)) for item in chunk]
        return
    connections.close_all()  # a forked child must not share the parent's database connection
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pending: tuple[list[_T], AsyncResult[list[Read]]] | None = None
        for chunk in chunks:
            job = pool.map_async(functools.partial(_read, group_footer=group_footer),
                                 [raw_of(item) for item in chunk], chunksize=32)
            if pending:
                yield list(zip(pending[0], pending[1].get(), strict=True))
            pending = (chunk, job)
        if pending:
            yield list(zip(pending[0], pending[1].get(), strict=True))


def _import_batch(group: Group, batch: list[tuple[bytes, Read]], stats: ImportStats) -> None:
    fresh = _without_known(group, batch, stats)
    with transaction.atomic():
        inbound = [_inbound(group, raw, read) for raw, read in fresh]
        InboundMessage.objects.bulk_create(inbound)
        readable = [(row, parsed, read.columns)
                    for row, (_raw, read) in zip(inbound, fresh, strict=True)
                    if (parsed := read.readable)]
        stats.quarantined += len(fresh) - len(readable)
        senders = _senders([parsed for _row, parsed, _columns in readable])
        placed = place_messages(group, [_incoming(group, row, parsed, columns, senders)
                                        for row, parsed, columns in readable])
        posted = [(result, parsed) for (_row, parsed, _columns), result
                  in zip(readable, placed, strict=True)
                  if not isinstance(result, DuplicateMessage)]
        stats.duplicates += len(placed) - len(posted)
        save_attachments(posted)
        index_messages(message for message, _parsed in posted)
        archived(group, [message for message, _parsed in posted])
        stats.imported += len(posted)


def _without_known(group: Group, batch: list[tuple[bytes, Read]],
                   stats: ImportStats) -> list[tuple[bytes, Read]]:
    """Drop what the group has already: nothing is stored twice, not even the raw bytes."""
    ids = {parsed.message_id for _raw, read in batch if (parsed := read.readable)}
    known = set(Message.objects.filter(group=group, message_id__in=ids, is_placeholder=False)
                .values_list("message_id", flat=True))
    fresh = []
    for raw, read in batch:
        if (parsed := read.readable) and parsed.message_id in known:
            stats.duplicates += 1
        else:
            fresh.append((raw, read))
    return fresh


def _inbound(group: Group, raw: bytes, read: Read) -> InboundMessage:
    return InboundMessage(
        source=Source.MBOX, recipient=group.address, raw=raw, size=len(raw),
        sha256=read.sha256, processed=timezone.now(),
        state=State.DONE if read.readable else State.QUARANTINED,
        reason="" if read.readable else f"cannot be read as an email: {read.parsed}")


def _senders(messages: list[ParsedMessage]) -> dict[str, list[EmailAddress]]:
    """Every address record of the batch's senders, in one query, to attribute by date."""
    records: dict[str, list[EmailAddress]] = {}
    addresses = {m.from_address for m in messages if m.from_address}
    for record in EmailAddress.objects.filter(address__in=addresses).select_related("person"):
        records.setdefault(record.address, []).append(record)
    return records


def _sender(parsed: ParsedMessage, senders: dict[str, list[EmailAddress]],
            received: datetime.date) -> Person | None:
    day = parsed.date.date() if parsed.date else received
    return holder(senders.get(parsed.from_address, []), day)


def _incoming(group: Group, row: InboundMessage, parsed: ParsedMessage,
              columns: dict[str, str], senders: dict[str, list[EmailAddress]]) -> Incoming:
    return Incoming(parsed.message_id, parsed.references,
                    without_prefix(parsed.subject, group.subject_prefix),
                    parsed.date or row.received, {
                        "inbound": row, "sender": _sender(parsed, senders, row.received.date()),
                        **columns})
