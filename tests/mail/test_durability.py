"""kill -9 the mail server while a real SMTP client sends: every acknowledged message ends in
the archive exactly once. Runs real `learnlink` processes on their own SQLite file."""

import os
import signal
import smtplib
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.conftest import free_port

TOTAL = 500
KILL_AFTER = 150


def learnlink(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "learnlink.cli", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


def message(n: int) -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"] = "halima@example.org", "oranges@learnlink.localhost"
    mail["Subject"], mail["Message-ID"] = f"Price report {n}", f"<report-{n}@example.org>"
    mail.set_content(f"Oranges in Muheza market, report {n}.")
    return mail


def send_with_retries(port: int, mail: EmailMessage, restart: Callable[[], None]) -> None:
    """What a sending MTA does: try again until the server says 250."""
    for _attempt in range(200):
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
                client.send_message(mail)
            return
        except (OSError, smtplib.SMTPException):
            restart()
            time.sleep(0.05)
    raise AssertionError(f"{mail['Message-ID']} was never accepted")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(LEARNLINK_VAR_DIR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    for command in (["migrate", "-v0"], ["create_group", "oranges", "--name", "Oranges",
                                         "--policy", "open"]):
        subprocess.run([sys.executable, "-m", "learnlink.cli", *command], env=env, check=True,
                       stdout=subprocess.DEVNULL)
    return env


def test_every_acknowledged_message_survives_a_kill_exactly_once(env, tmp_path):
    port = free_port()
    server = learnlink(env, "mailserver", "--smtp", f"127.0.0.1:{port}")
    wait_for_port(port)
    acknowledged = restarts = 0

    def kill_mid_conversation() -> None:
        """From another thread, so the kill lands while a message is being sent."""
        while acknowledged < KILL_AFTER:
            time.sleep(0.001)
        server.send_signal(signal.SIGKILL)

    def restart_if_dead() -> None:
        nonlocal server, restarts
        if server.poll() is not None:
            server = learnlink(env, "mailserver", "--smtp", f"127.0.0.1:{port}")
            wait_for_port(port)
            restarts += 1

    killer = threading.Thread(target=kill_mid_conversation)
    killer.start()
    try:
        for n in range(TOTAL):
            send_with_retries(port, message(n), restart_if_dead)
            acknowledged += 1
    finally:
        killer.join()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    assert restarts == 1, "the server was killed once and came back"

    worker = learnlink(env, "worker")
    database = sqlite3.connect(tmp_path / "db.sqlite3")
    try:
        deadline = time.monotonic() + 180
        while database.execute("select count(*) from mail_inboundmessage "
                               "where state = 'pending'").fetchone()[0]:
            assert time.monotonic() < deadline, "the worker did not drain the inbox"
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGINT)
        worker.wait(timeout=30)
    archived = [row[0] for row in database.execute("select message_id from exchange_message")]
    assert sorted(archived) == sorted(f"report-{n}@example.org" for n in range(TOTAL))
