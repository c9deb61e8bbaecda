"""A backup's manifest: what it holds (counts of the records that matter) and the SHA-256 of
every file written, so that a restore can refuse a tampered or unfinished backup before it
writes anything, and check afterwards that it got back what was taken.

The checksums catch damage and partial copies, not a forger: whoever can rewrite the files
can rewrite the manifest too. Keep backups where only the operator writes.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sqlite3
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from django.apps import apps
from django.conf import settings
from django.db import connection

from learnlink.mail.models import InboundMessage

NAME = "manifest.json"
FORMAT = "learnlink-backup-1"
CHUNK = 1024 * 1024

# What a person checks after a restore: the records that matter, by what they call them.
COUNTED = {
    "accounts": "auth.User",
    "people": "people.Person",
    "organisations": "people.Organisation",
    "email addresses": "people.EmailAddress",
    "groups": "exchange.Group",
    "memberships": "exchange.Membership",
    "threads": "exchange.Thread",
    "messages": "exchange.Message",
    "attachments": "exchange.Attachment",
    "inbound messages": "mail.InboundMessage",
    "outgoing messages": "mail.Outgoing",
    "deliveries": "mail.Delivery",
    "syntheses": "mentoring.Synthesis",
    "write-ups": "mentoring.WriteUp",
    "resources": "mentoring.Resource",
    "practices": "knowledge.Practice",
    "stories": "knowledge.Story",
    "alliances": "alliance.Alliance",
    "learning spaces": "alliance.LearningSpace",
    "tasks": "alliance.Task",
    "guide documents": "alliance.GuideDocument",
    "territories": "impact.Territory",
    "sales": "impact.Sale",
}
RAW_MAIL_BYTES = "raw mail bytes"


class BackupError(Exception):
    """What is wrong with a backup or the place it goes, in words for the operator."""


def counts(copy: sqlite3.Connection | None = None) -> dict[str, int]:
    """Rows of each counted model whose table exists (a database restored from an older
    release may lack a newer one), and the bytes of raw mail stored, which the database dump
    holds: InboundMessage.raw is the original mail, never changed. Read through Django's
    connection, or from an SQLite `copy` (a backup just written: its counts are exactly what
    it holds, however much mail arrived meanwhile)."""
    if copy is None:
        cursor: Any = connection.cursor()
        tables = set(connection.introspection.table_names(cursor))
    else:
        cursor = copy.cursor()
        tables = {row[0] for row in cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    found = {}
    for name, label in COUNTED.items():
        table = apps.get_model(label)._meta.db_table
        if table in tables:
            found[name] = _number(cursor, f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608
    inbound = InboundMessage._meta.db_table
    if inbound in tables:
        found[RAW_MAIL_BYTES] = _number(
            cursor, f'SELECT COALESCE(SUM("size"), 0) FROM "{inbound}"')  # noqa: S608
    return found


def _number(cursor: Any, sql: str) -> int:
    """One number, by SQL: the table names come from our models, never from input."""
    cursor.execute(sql)
    return int(cursor.fetchone()[0])


def is_empty() -> bool:
    """No table at all (a new database), or tables holding none of what a backup counts
    (a database just migrated: its content types and permissions do not count)."""
    return not any(number for name, number in counts().items() if name != RAW_MAIL_BYTES)


def release() -> str:
    """The installed version, with `git describe` when running from a checkout."""
    version = metadata.version("learnlink")
    if not (settings.BASE_DIR / ".git").exists():
        return version
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=settings.BASE_DIR,  # noqa: S607
            capture_output=True, text=True, timeout=5, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return version
    return f"{version} ({described})"


@dataclass
class Checksum:
    sha256: str
    size: int


def copy_hashing(source: BinaryIO, target: BinaryIO) -> Checksum:
    """Copy in chunks (attachments can be large), hashing what went through."""
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        target.write(chunk)
        size += len(chunk)
    return Checksum(digest.hexdigest(), size)


def checksum(path: Path) -> Checksum:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return Checksum(digest.hexdigest(), size)


@dataclass
class Manifest:
    engine: str
    database: str  # the dump's file name in the backup folder
    counts: dict[str, int]
    files: dict[str, Checksum] = field(default_factory=dict)
    created: str = ""
    learnlink: str = ""
    tool: str = ""  # pg_dump's version, for a PostgreSQL dump

    def write(self, folder: Path) -> None:
        data = {"format": FORMAT, "learnlink": self.learnlink, "engine": self.engine,
                "tool": self.tool, "created": self.created, "database": self.database,
                "counts": self.counts,
                "files": {name: {"sha256": c.sha256, "size": c.size}
                          for name, c in sorted(self.files.items())}}
        (folder / NAME).write_text(json.dumps(data, indent=1) + "\n")

    @property
    def media(self) -> list[str]:
        """The attachment store's files, by their path under MEDIA_ROOT."""
        return [name.removeprefix("media/") for name in self.files if name.startswith("media/")]

    @property
    def total_size(self) -> int:
        return sum(c.size for c in self.files.values())


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def read(folder: Path) -> Manifest:
    """The manifest of the backup in `folder`, refused if it is missing or malformed, or names
    a file outside the folder (a restore writes each file under MEDIA_ROOT by that name)."""
    path = folder / NAME
    if not path.is_file():
        raise BackupError(f"{folder} holds no {NAME}: it is not a Learnlink backup, or the "
                          "backup did not finish (the manifest is written last)")
    try:
        data: dict[str, Any] = json.loads(path.read_text())
        if data.get("format") != FORMAT:
            raise BackupError(f"{path} is not a manifest this release reads ({FORMAT})")
        files = {name: Checksum(str(c["sha256"]), int(c["size"]))
                 for name, c in data["files"].items()}
        manifest = Manifest(engine=str(data["engine"]), database=str(data["database"]),
                            counts={k: int(v) for k, v in data["counts"].items()}, files=files,
                            created=str(data["created"]), learnlink=str(data["learnlink"]),
                            tool=str(data.get("tool", "")))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise BackupError(f"{path} is damaged ({type(error).__name__}: {error})") from error
    for name in [manifest.database, *files]:
        parts = PurePosixPath(name).parts
        if not parts or PurePosixPath(name).is_absolute() or ".." in parts:
            raise BackupError(f"{path} names a file outside the backup: {name!r}")
    if manifest.database not in files:
        raise BackupError(f"{path} has no checksum for the database dump {manifest.database}")
    return manifest


def verify(folder: Path, manifest: Manifest, shown: int = 10) -> None:
    """Every file the manifest lists is there with its size and SHA-256, or nothing is
    restored: the error lists what is missing or changed."""
    problems = []
    for name, expected in sorted(manifest.files.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"missing: {name}")
            continue
        found = checksum(path)
        if found != expected:
            problems.append(f"changed: {name} (SHA-256 {found.sha256[:12]}..., "
                            f"{found.size} bytes; the manifest says {expected.sha256[:12]}..., "
                            f"{expected.size} bytes)")
    if problems:
        more = f"\n  and {len(problems) - shown} more" if len(problems) > shown else ""
        raise BackupError(f"The backup in {folder} is incomplete or was changed since it was "
                          f"taken; nothing was restored:\n  " + "\n  ".join(problems[:shown])
                          + more)
