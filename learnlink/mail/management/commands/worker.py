"""`learnlink worker`: the background worker (Huey's consumer), after queueing again whatever
the inbox holds unprocessed from before a crash."""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from learnlink.mail.tasks import enqueue_pending


class Command(BaseCommand):
    help = "Run the background worker."

    def handle(self, *args: Any, **options: Any) -> None:
        recovered = enqueue_pending()
        if recovered:
            self.stdout.write(f"{recovered} stored message(s) from before were queued again")
        call_command("run_huey")
