"""Taking a backup: the database dump, then the attachment store, then the manifest, last,
so that a folder without one is known to be unfinished."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from learnlink.web.backups import dumps, media
from learnlink.web.backups.manifest import BackupError, Manifest, checksum, now, release


@dataclass
class Taken:
    manifest: Manifest
    database_seconds: float
    media_seconds: float


def take_backup(folder: Path) -> Taken:
    """Into a new or empty folder only: files of another backup must not mix with this one."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupError(f"{folder} is not an empty folder: give a new one for each backup")
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)  # every member's addresses and mail, and the accounts' password hashes
    started, created = time.monotonic(), now()
    dumped = dumps.dump(folder)
    media_started = time.monotonic()
    files = {dumped.name: checksum(folder / dumped.name), **media.back_up(folder)}
    manifest = Manifest(engine=dumps.engine(), database=dumped.name, counts=dumped.counts,
                        files=files, created=created, learnlink=release(), tool=dumped.tool)
    manifest.write(folder)
    return Taken(manifest, media_started - started, time.monotonic() - media_started)
