"""`learnlink mailserver --lmtp HOST:PORT --smtp HOST:PORT`: receive mail into the inbox."""

import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from learnlink.mail.models import Source
from learnlink.mail.server import controller
from learnlink.mail.tasks import enqueue_pending


def host_port(value: str) -> tuple[str, int]:
    host, _colon, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise CommandError(f"expected HOST:PORT, got {value!r}")
    return host, int(port)


class Command(BaseCommand):
    help = "Run the LMTP and/or SMTP server that stores incoming mail in the inbox."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--lmtp", help="HOST:PORT for LMTP (what Postfix delivers to)")
        parser.add_argument("--smtp", help="HOST:PORT for SMTP")

    def handle(self, *args: Any, lmtp: str | None, smtp: str | None, **options: Any) -> None:
        wanted = [(Source.LMTP, lmtp), (Source.SMTP, smtp)]
        servers = [(source, controller(source, *host_port(addr))) for source, addr in wanted
                   if addr]
        if not servers:
            raise CommandError("give --lmtp HOST:PORT, --smtp HOST:PORT or both")
        recovered = enqueue_pending()
        if recovered:
            self.stdout.write(f"{recovered} stored message(s) from before were queued again")
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        for source, server in servers:
            server.start()
            self.stdout.write(f"{source.label} listening on {server.hostname}:{server.port}")
        stop.wait()
        for _source, server in servers:
            server.stop()
