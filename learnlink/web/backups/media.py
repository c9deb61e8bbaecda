"""The attachment store (Django's default storage, MEDIA_ROOT) copied into a backup and back.

Files there are written before the rows that name them commit (exchange.posting stores an
attachment, then archives its message), so copying them after the database was dumped gives
every file the dump refers to; a file stored meanwhile is one more, and harmless.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

from learnlink.web.backups.manifest import BackupError, Checksum, copy_hashing

FOLDER = "media"


def back_up(folder: Path) -> dict[str, Checksum]:
    """Every file under MEDIA_ROOT, by its name in the backup ("media/attachments/..")."""
    root = Path(settings.MEDIA_ROOT)
    copied: dict[str, Checksum] = {}
    if not root.is_dir():
        return copied
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = f"{FOLDER}/{path.relative_to(root).as_posix()}"
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with path.open("rb") as source, target.open("wb") as copy:
            copied[name] = copy_hashing(source, copy)
    return copied


def restore(folder: Path, names: list[str], expected: dict[str, Checksum]) -> None:
    """Each file into MEDIA_ROOT under a temporary name, then renamed: a reader never sees
    half a file, and a file whose copy differs from the manifest stops the restore."""
    root = Path(settings.MEDIA_ROOT)
    for name in names:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.restoring")
        with (folder / FOLDER / name).open("rb") as source, partial.open("wb") as copy:
            written = copy_hashing(source, copy)
        if written != expected[f"{FOLDER}/{name}"]:
            partial.unlink()
            raise BackupError(f"{FOLDER}/{name} changed while it was restored")
        os.replace(partial, target)
