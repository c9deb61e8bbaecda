"""Several nodes on one machine, as production runs them: two gunicorn web processes, two
workers and two LMTP servers, each a real `learnlink` process, on one PostgreSQL database and
one Redis. 2,000 messages arrive across both LMTP servers while one worker is killed (SIGKILL)
and started again and one LMTP server is restarted: each message is archived once, and each
member gets each message once at the relay, but for the few copies the relay took from the
killed worker in its last moment (SMTP cannot promise exactly once: those arrive twice, and
are counted). Only where the suite runs on PostgreSQL and Redis (CI's second pass)."""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
import redis

from tests.conftest import free_port
from tests.mail.faulty_relay import Relay, relay_for_learnlink
from tests.mail.test_durability import message
from tests.nodes import Node, learnlink

TOTAL = 2_000
MEMBERS = ("zuhura.shemdoe@example.org", "kilulu.growers@example.org")
LEASE = 15  # seconds before the others send what the killed worker held
DATABASE_URL, REDIS_URL = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith("postgres") or not REDIS_URL,
    reason="several nodes share PostgreSQL and Redis: DATABASE_URL=postgres://... REDIS_URL=...")


@pytest.fixture
def database() -> Iterator[str]:
    """A database of its own, made and dropped here: the nodes are other processes."""
    name = f"learnlink_nodes_{os.getpid()}"
    parts = urlsplit(DATABASE_URL)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def queue() -> Iterator[str]:
    """Redis's last database, emptied before and after: the queue and cache the nodes share."""
    url = urlunsplit(urlsplit(REDIS_URL)._replace(path="/14"))
    redis.Redis.from_url(url).flushdb()
    yield url
    redis.Redis.from_url(url).flushdb()


@pytest.fixture
def relay(settings) -> Iterator[Relay]:
    """The internet, for the nodes' outgoing mail."""
    with relay_for_learnlink(settings) as running:
        yield running


@pytest.fixture
def env(database: str, queue: str, relay: Relay, tmp_path: Path, settings) -> dict[str, str]:
    """What every node is started with: the same database, queue, key and relay."""
    env = {**os.environ, "DATABASE_URL": database, "REDIS_URL": queue,
           "LEARNLINK_VAR_DIR": str(tmp_path), "SECRET_KEY": "several-nodes-" + "x" * 40,
           "EMAIL_URL": f"smtp://127.0.0.1:{settings.EMAIL_PORT}",
           "LEARNLINK_SEND_LEASE": str(LEASE), "LEARNLINK_WORKERS": "2"}
    for command in (["migrate", "-v0"],
                    ["create_group", "oranges", "--name", "Oranges", "--policy", "open"],
                    *(["add_member", "oranges", address] for address in MEMBERS)):
        subprocess.run(learnlink(*command), env=env, check=True,
                       stdout=subprocess.DEVNULL)
    return env


def deliver(port: int, mail: EmailMessage) -> None:
    """As Postfix does: over LMTP, again and again until the server takes it."""
    for _attempt in range(600):
        try:
            with smtplib.LMTP("127.0.0.1", port) as client:
                client.send_message(mail)
            return
        except (OSError, smtplib.SMTPException):
            time.sleep(0.1)
    raise AssertionError(f"{mail['Message-ID']} was never accepted")


def until(done: Callable[[], bool], what: str, within: float = 300) -> None:
    deadline = time.monotonic() + within
    while not done():
        assert time.monotonic() < deadline, f"waited {within:.0f} s for {what}"
        time.sleep(1)


def count(database: str, query: str) -> int:
    with psycopg.connect(database) as connection:
        row = connection.execute(query).fetchone()
    return int(row[0]) if row else 0


def test_two_of_each_node_share_the_work_through_a_killed_worker_and_a_restarted_server(
        env, database, relay, tmp_path):
    lmtp_ports, web_ports = (free_port(), free_port()), (free_port(), free_port())
    nodes = [
        *(Node(env, tmp_path, f"lmtp{i}", *learnlink("mailserver", "--lmtp", f"127.0.0.1:{p}"))
          for i, p in enumerate(lmtp_ports)),
        *(Node(env, tmp_path, f"worker{i}", *learnlink("worker")) for i in range(2)),
        *(Node(env, tmp_path, f"web{i}", sys.executable, "-m", "gunicorn", "learnlink.wsgi",
               "--bind", f"127.0.0.1:{p}", "--workers", "1") for i, p in enumerate(web_ports)),
    ]
    lmtp_b, worker_a = nodes[1], nodes[2]
    try:
        for n in range(TOTAL):
            deliver(lmtp_ports[n % 2], message(n))
            if n == TOTAL // 2:
                worker_a.stop(signal.SIGKILL)
                worker_a.start()
            if n == 3 * TOTAL // 4:
                lmtp_b.stop()
                lmtp_b.start()
        until(lambda: count(database, "select count(*) from mail_inboundmessage "
                                      "where state = 'pending'") == 0, "the inbox to drain")
        until(lambda: count(database, "select count(*) from mail_delivery "
                                      "where state = 'queued'") == 0,
              "every copy to leave", within=LEASE + 180)
        pages = [urllib.request.urlopen(f"http://127.0.0.1:{p}/groups/oranges/").read()
                 for p in web_ports]
    finally:
        for node in nodes:
            node.stop()

    archived = count(database, "select count(distinct message_id) from exchange_message")
    assert archived == TOTAL == count(database, "select count(*) from exchange_message")
    for address in MEMBERS:
        subjects = Counter(received.message["Subject"] for received in relay.to(address))
        assert set(subjects) == {f"Price report {n}" for n in range(TOTAL)}, address
        twice = sum(1 for times in subjects.values() if times > 1)
        assert twice <= 200, f"{twice} copies to {address} arrived twice"  # one claim's worth
    assert all(b"Price report 1999" in page for page in pages), "both web nodes serve it"
