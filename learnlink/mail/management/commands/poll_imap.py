"""`learnlink poll_imap`: store the mail waiting in a webmail mailbox, for a cron job or timer.

Defaults come from the settings IMAP_URL, IMAP_GROUP and IMAP_DONE_FOLDER.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from imapclient.exceptions import IMAPClientError

from learnlink.mail.imap import poll


class Command(BaseCommand):
    help = "Fetch the messages in an IMAP mailbox into the inbox for one group, then move them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", default=getattr(settings, "IMAP_URL", ""),
                            help="imaps://user:password@host:993/INBOX (default: IMAP_URL)")
        parser.add_argument("--group", metavar="SLUG", default=getattr(settings, "IMAP_GROUP", ""),
                            help="the group whose address this mailbox is (default: IMAP_GROUP)")
        parser.add_argument("--done-folder",
                            default=getattr(settings, "IMAP_DONE_FOLDER", "Learnlink"),
                            help="where stored messages are moved (default: IMAP_DONE_FOLDER)")

    def handle(self, *args: Any, url: str, group: str, done_folder: str, **options: Any) -> None:
        if not url or not group or not done_folder:
            raise CommandError("give --url, --group and --done-folder, or set IMAP_URL, "
                               "IMAP_GROUP and IMAP_DONE_FOLDER")
        try:
            result = poll(url, f"{group}@{settings.LEARNLINK_MAIL_DOMAIN}", done_folder)
        except (ValueError, IMAPClientError, OSError) as error:
            raise CommandError(f"IMAP poll failed: {error}") from error
        self.stdout.write(f"stored={result.stored} moved={result.moved}")
