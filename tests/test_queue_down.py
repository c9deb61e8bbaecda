"""Redis down: the queue of a grown installation (REDIS_URL) stops, while mail keeps coming.
Each message is still stored and acknowledged (the raw mail in the database is the promise
made to the sender), the worker waits, and when Redis is back every message is processed,
once. Real processes: Debian's redis-server on a loopback port of its own, Learnlink's mail
server and worker on a SQLite file."""

from __future__ import annotations

import os
import shutil
import signal
import smtplib
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SQLITE_PASS_ONLY, free_port
from tests.mail.test_durability import message, wait_for_port
from tests.nodes import Node, learnlink

pytestmark = SQLITE_PASS_ONLY
REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
BEFORE, DURING = 5, 5  # messages sent while Redis runs, then while it is down


class Redis:
    """A redis-server of the test's own, stopped and started again on the same port."""

    def __init__(self, folder: Path) -> None:
        self.port, self.folder = free_port(), folder
        self.process = self.start()

    def start(self) -> subprocess.Popen[bytes]:
        self.process = subprocess.Popen(
            [REDIS, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)
        return self.process

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(30)


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[Redis]:
    if not Path(REDIS).exists():
        pytest.skip("needs Debian's redis-server: apt-get install -y redis-server")
    server = Redis(tmp_path)
    yield server
    if server.process.poll() is None:
        server.stop()


def archived(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        return [row[0] for row in connection.execute("select message_id from exchange_message")]


def test_mail_that_comes_while_redis_is_down_is_kept_and_processed_once_it_is_back(
        redis_server, tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}",
           "REDIS_URL": f"redis://127.0.0.1:{redis_server.port}/0",
           "LEARNLINK_VAR_DIR": str(tmp_path)}
    for command in (["migrate", "-v0"],
                    ["create_group", "oranges", "--name", "Oranges", "--policy", "open"]):
        subprocess.run(learnlink(*command), env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    nodes = [Node(env, tmp_path, "mail", *learnlink("mailserver", "--smtp", f"127.0.0.1:{port}")),
             Node(env, tmp_path, "worker", *learnlink("worker"))]
    try:
        wait_for_port(port)
        sent: list[str] = []

        def send(n: int) -> None:
            with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
                client.send_message(message(n))  # raises unless the server says 250
            sent.append(f"report-{n}@example.org")

        for n in range(BEFORE):
            send(n)
        until(lambda: len(archived(database)) == BEFORE, "the first messages")
        redis_server.stop()
        for n in range(BEFORE, BEFORE + DURING):
            send(n)
        time.sleep(2)
        assert len(archived(database)) == BEFORE, "nothing is processed without the queue"
        redis_server.start()
        until(lambda: len(archived(database)) == BEFORE + DURING,
              "the messages kept while Redis was down", within=150)
    finally:
        for node in nodes:
            node.stop()
    assert sorted(archived(database)) == sorted(sent), "each once"


def until(done, what: str, within: float = 60) -> None:
    deadline = time.monotonic() + within
    while not done():
        assert time.monotonic() < deadline, f"waited {within:.0f} s for {what}"
        time.sleep(0.5)
