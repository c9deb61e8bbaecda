"""PostgreSQL restarted under load: requests fail cleanly while it is down (an answer, 500 or
503, never a hang), then succeed again by themselves, without a restart of ours (Django's
connection health checks drop the broken connection). A PostgreSQL of the test's own
(initdb into a temporary folder, on a loopback port), so the suite's server is never touched;
only where the suite runs on PostgreSQL (CI's second pass), whose binaries it uses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.mail.test_durability import wait_for_port
from tests.nodes import Node, learnlink

BIN = Path("/usr/lib/postgresql") / (os.listdir("/usr/lib/postgresql") or ["15"])[0] / "bin" \
    if Path("/usr/lib/postgresql").exists() else Path("/nonexistent")
pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres") or not BIN.exists()
    or os.geteuid() != 0,
    reason="a PostgreSQL of its own: its binaries, root (to run them as postgres), and the "
           "suite on PostgreSQL")


class Postgres:
    """initdb, start and restart, as the postgres user."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="learnlink-pg-"))
        shutil.chown(self.folder, "postgres", "postgres")
        self.port = free_port()
        self.run("initdb", "-D", str(self.folder / "data"), "-A", "trust", "-U", "postgres")
        self.ctl("start")

    def run(self, program: str, *args: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", str(BIN / program), *args],
                       check=True, capture_output=True)

    def ctl(self, action: str) -> None:
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-w", "-m", "fast",
                 "-l", str(self.folder / "log"),
                 "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", action)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


@pytest.fixture
def postgres() -> Iterator[Postgres]:
    server = Postgres()
    yield server
    server.ctl("stop")
    shutil.rmtree(server.folder, ignore_errors=True)


def test_requests_fail_cleanly_while_postgres_restarts_then_recover_by_themselves(
        postgres, tmp_path):
    env = {**os.environ, "DATABASE_URL": postgres.url, "LEARNLINK_VAR_DIR": str(tmp_path)}
    env.pop("REDIS_URL", None)
    for command in (["migrate", "-v0"],
                    ["create_group", "oranges", "--name", "Oranges", "--policy", "open"]):
        subprocess.run(learnlink(*command), env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    web = Node(env, tmp_path, "web", sys.executable, "-m", "gunicorn", "learnlink.wsgi", "--bind",
               f"127.0.0.1:{port}", "--workers", "2", "--timeout", "30")
    answers: list[tuple[float, int]] = []
    stop = threading.Event()

    def load() -> None:
        """What a balancer and a reader do: the health check and a group page, in turn."""
        while not stop.is_set():
            for path in ("/health", "/groups/oranges/"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}",
                                                timeout=20) as response:
                        answers.append((time.monotonic(), response.status))
                except urllib.error.HTTPError as error:
                    answers.append((time.monotonic(), error.code))

    try:
        wait_for_port(port)
        loader = threading.Thread(target=load)
        loader.start()
        deadline = time.monotonic() + 60
        while len(answers) < 10 and time.monotonic() < deadline:
            time.sleep(0.2)
        before = len(answers)
        postgres.ctl("stop")
        time.sleep(3)
        during = len(answers)
        postgres.ctl("start")
        restarted = time.monotonic()
        time.sleep(5)
        stop.set()
        loader.join(60)
    finally:
        stop.set()
        web.stop()

    assert before and {status for _at, status in answers[:before]} == {200}
    assert during > before, "answers kept coming while the database was down"
    assert {status for _at, status in answers[before:during]} <= {200, 500, 503}
    assert any(status != 200 for _at, status in answers[before:during]), \
        "the database was down: some answer said so"
    recovered = [status for at, status in answers if at > restarted + 2]
    assert recovered and set(recovered) == {200}, "back by themselves, gunicorn untouched"
