"""`learnlink restore DIR`: a backup of `learnlink backup`, checked, then restored."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.web.backups.manifest import BackupError
from learnlink.web.backups.restoring import restore_backup


class Command(BaseCommand):
    help = ("Restore a backup of `learnlink backup` into the configured database and "
            "MEDIA_ROOT, after checking every file against its manifest. Stop the web, the "
            "worker and the mail server first.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="the backup's folder")
        parser.add_argument("--force", action="store_true",
                            help="replace what the database holds (otherwise a database "
                                 "with records is refused)")

    def handle(self, *args: Any, folder: Path, force: bool, **options: Any) -> None:
        try:
            restored = restore_backup(folder, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = restored.manifest
        self.stdout.write(f"restored the backup of {manifest.created} ({manifest.learnlink}, "
                          f"{manifest.engine}) from {folder} in {restored.seconds:.1f} s: "
                          f"{len(manifest.media)} files of the attachment store")
        self.stdout.write("counted, as in the backup: " + ", ".join(
            f"{number} {name}" for name, number in restored.counts.items()))
        if restored.needs_migrate:
            self.stdout.write("The backup is from an older release: run `learnlink migrate`.")
        self.stdout.write("Start the worker: it queues again the mail the backup held "
                          "unprocessed.")
