"""Reading and writing mbox files and maildir folders as streams of original bytes.

mboxrd conventions: a message starts at a line beginning "From "; body lines that start with
">From " (any number of ">") lose one ">" on the way in and gain one on the way out, so export
then import gives back the same bytes. The reader never holds more than one message and one
chunk in memory, whatever the file's size.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import re
import time
from collections.abc import Iterable, Iterator
from email.utils import parseaddr
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
_BODY_FROM = re.compile(rb"^(>*From )", re.MULTILINE)
_OPENERS = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}


def open_binary(path: Path) -> BinaryIO:
    """Compressed archives (.xz, .gz, .bz2) are read as they are, without unpacking first."""
    opener = _OPENERS.get(path.suffix)
    return opener(path, "rb") if opener else path.open("rb")  # type: ignore[operator]


def read_messages(path: Path) -> Iterator[bytes]:
    """Every message of an mbox file or a maildir folder, as its original bytes."""
    if path.is_dir():
        yield from _read_maildir(path)
    else:
        with open_binary(path) as stream:
            yield from _split_mbox(stream)


def _read_maildir(folder: Path) -> Iterator[bytes]:
    for sub in ("cur", "new"):
        for item in sorted((folder / sub).glob("*")) if (folder / sub).is_dir() else []:
            if item.is_file():
                yield item.read_bytes()


def _split_mbox(stream: BinaryIO) -> Iterator[bytes]:
    """Cut the stream at every "From " line, as mail tools do (mboxrd escapes body lines).

    Scans with bytes.find rather than line by line: an archive of hundreds of megabytes is
    split at the speed of a memory copy."""
    buffer = stream.read(CHUNK)
    begin = 0 if buffer.startswith(b"From ") else buffer.find(b"\nFrom ") + 1
    if begin == 0 and not buffer.startswith(b"From "):
        return  # no message at all
    buffer = buffer[begin:]
    while True:
        chunk = stream.read(CHUNK)
        buffer += chunk
        start = 0
        while (found := buffer.find(b"\nFrom ", start + 1)) != -1:
            yield _message(buffer[start:found + 1])
            start = found + 1
        buffer = buffer[start:]
        if not chunk:
            if buffer:
                yield _message(buffer)
            return


def _message(block: bytes) -> bytes:
    """One block from its "From " line to the next, as the message's own bytes: without the
    separator line and the blank line mbox puts after each message, with ">From" unescaped."""
    raw = block[block.find(b"\n") + 1:] if b"\n" in block else b""
    if raw.endswith(b"\n\n"):
        raw = raw[:-1]
    return _ESCAPED_FROM.sub(rb"\1", raw) if b">From " in raw else raw


def write_mbox(path: Path, messages: Iterable[bytes]) -> int:
    """Write mboxrd; returns how many messages were written."""
    count = 0
    with path.open("wb") as out:
        for raw in messages:
            out.write(_separator(raw))
            out.write(_BODY_FROM.sub(rb">\1", raw))
            out.write(b"\n" if raw.endswith(b"\n") else b"\n\n")
            count += 1
    return count


def _separator(raw: bytes) -> bytes:
    header = raw.split(b"\n\n", 1)[0]
    match = re.search(rb"^(?:Return-Path|From):(.*)$", header, re.MULTILINE | re.IGNORECASE)
    address = parseaddr(match.group(1).decode("ascii", "replace"))[1] if match else ""
    stamp = time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime(0))
    return f"From {address or 'MAILER-DAEMON'} {stamp}\n".encode()
