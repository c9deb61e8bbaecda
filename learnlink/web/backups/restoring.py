"""Restoring a backup: check everything first, write second, count third.

Nothing is written unless every file matches the manifest, the backup is of this engine, and
the database is empty (or the operator said --force). Then the attachment store (files nobody
refers to yet are harmless), then the database in one step, then the counts compared with the
manifest's.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from learnlink.web.backups import dumps, media
from learnlink.web.backups.manifest import BackupError, Manifest, counts, is_empty, read, verify


@dataclass
class Restored:
    manifest: Manifest
    counts: dict[str, int]
    seconds: float
    needs_migrate: bool


def restore_backup(folder: Path, *, force: bool = False) -> Restored:
    started = time.monotonic()
    manifest = read(folder)
    verify(folder, manifest)
    if manifest.engine != dumps.engine():
        raise BackupError(f"This backup is of a {manifest.engine} database and DATABASE_URL "
                          f"names a {dumps.engine()} one: restore it into {manifest.engine}")
    if not force and not is_empty():
        raise BackupError("The database already holds records; nothing was restored. Restore "
                          "into a new database, or give --force to replace what it holds")
    media.restore(folder, manifest.media, manifest.files)
    dumps.load(folder / manifest.database)
    cache.clear()  # pages and fragments cached from what the database held before
    found = counts()
    differ = [f"{name}: {number} in the backup, {found.get(name, 'no table')} now"
              for name, number in manifest.counts.items() if found.get(name) != number]
    if differ:
        raise BackupError("The database was restored but does not hold what the backup "
                          "counted:\n  " + "\n  ".join(differ))
    return Restored(manifest, found, time.monotonic() - started, _needs_migrate())


def _needs_migrate() -> bool:
    """A backup from an older release restores its older tables: `migrate` brings them up."""
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
