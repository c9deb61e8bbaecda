"""`learnlink backup DIR`: the database, the attachment store and a manifest into DIR."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.web.backups.manifest import NAME, BackupError
from learnlink.web.backups.taking import take_backup


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


class Command(BaseCommand):
    help = ("Back up the database (in its engine's own format), the attachment store and the "
            "raw mail (kept in the database) into a new folder, with a manifest of counts and "
            "checksums that `learnlink restore` checks.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="a new or empty folder")

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        try:
            taken = take_backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = taken.manifest
        media = [manifest.files[f"media/{name}"].size for name in manifest.media]
        self.stdout.write(f"database ({manifest.engine}): {manifest.database}, "
                          f"{megabytes(manifest.files[manifest.database].size)} in "
                          f"{taken.database_seconds:.1f} s")
        self.stdout.write(f"attachment store: {len(media)} files, {megabytes(sum(media))} in "
                          f"{taken.media_seconds:.1f} s")
        self.stdout.write("counted: " + ", ".join(
            f"{number} {name}" for name, number in manifest.counts.items()))
        self.stdout.write(f"backup of {manifest.learnlink} in {folder}: "
                          f"{megabytes(manifest.total_size)}, checksums in {folder / NAME}")
