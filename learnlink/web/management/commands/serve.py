"""`learnlink serve`: the web server, the worker and the mail server, stopped together.

One command for one machine: `make run` uses it with DEBUG on (Django's development server);
without DEBUG it runs gunicorn. Larger installations run each part under systemd instead.
"""

import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Start the web server, the worker and the mail server; stop all on Ctrl-C."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="HOST:PORT for the web")
        parser.add_argument("--lmtp", default="127.0.0.1:8024", help="HOST:PORT for LMTP")
        parser.add_argument("--smtp", default="127.0.0.1:8025", help="HOST:PORT for SMTP")

    def handle(self, *args: Any, bind: str, lmtp: str, smtp: str, **options: Any) -> None:
        learnlink = [sys.executable, "-m", "learnlink.cli"]
        if settings.DEBUG:
            web = [*learnlink, "runserver", "--noreload", bind]
        else:
            web = [sys.executable, "-m", "gunicorn", "learnlink.wsgi", "--bind", bind]
        commands = {
            "web": web,
            "worker": [*learnlink, "worker"],
            "mail server": [*learnlink, "mailserver", "--lmtp", lmtp, "--smtp", smtp],
        }
        children = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}  # noqa: S603
        self.stdout.write(f"Learnlink is at http://{bind}/ (Ctrl-C stops it)")
        try:
            self._wait_for_first_exit(children)
        except KeyboardInterrupt:
            pass
        finally:
            for child in children.values():
                if child.poll() is None:
                    child.send_signal(signal.SIGINT)
            for child in children.values():
                child.wait(timeout=20)

    def _wait_for_first_exit(self, children: dict[str, subprocess.Popen[bytes]]) -> None:
        """Keep going while every part runs; one dying takes the others down, loudly."""
        while True:
            for name, child in children.items():
                if child.poll() is not None:
                    self.stderr.write(f"the {name} stopped (exit {child.returncode})")
                    return
            time.sleep(0.5)
