"""`GET /health`, as a load balancer reads it: 200 and three "ok"s on a healthy node; 503 with
the failing part named when the queue's Redis is down, the database cannot be reached or mail
is stuck; never a session cookie, never cached, never a redirect to https."""

from __future__ import annotations

import datetime
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from learnlink.mail.inbox import receive
from learnlink.mail.models import InboundMessage, Source
from tests.conftest import email_from, free_port


def closed_port() -> int:
    """A loopback port nothing listens on: connecting is refused at once."""
    port = free_port()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    return port


def test_a_healthy_node_answers_200_and_ok_for_each_part(
        client: Client, db: None, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(3):
        response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "queue": "ok", "mail": "ok"}
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert not response.cookies


def test_redis_down_makes_the_node_503_naming_the_queue_without_its_password(
        client: Client, db: None, settings: Any) -> None:
    url = f"redis://:s3cret-pass@127.0.0.1:{closed_port()}/5"
    settings.HUEY = {**settings.HUEY, "huey_class": "huey.RedisHuey", "url": url}
    response = client.get("/health")
    assert response.status_code == 503
    answer = response.json()
    assert answer["database"] == "ok" and answer["mail"] == "ok"
    assert answer["queue"].startswith("error: ConnectionError")
    assert "s3cret" not in response.content.decode()


@pytest.fixture
def unreachable_database(transactional_db: None, tmp_path: Any) -> Iterator[None]:
    """The node's next connection goes where no database is (a folder that does not exist for
    SQLite, a closed port for PostgreSQL), as after the server went away. The open connection
    is set aside, not closed (the test database of SQLite lives in memory), and put back."""
    connection.ensure_connection()
    saved, settings_dict = connection.connection, dict(connection.settings_dict)
    connection.connection = None
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path / "gone" / "db.sqlite3")
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    yield
    connection.settings_dict.clear()
    connection.settings_dict.update(settings_dict)
    connection.connection = saved


def test_an_unreachable_database_makes_the_node_503_naming_the_database(
        client: Client, unreachable_database: None) -> None:
    response = client.get("/health")
    assert response.status_code == 503
    answer = response.json()
    assert answer["database"].startswith("error: OperationalError")
    assert answer["queue"] == "ok"


def test_mail_waiting_unprocessed_too_long_makes_the_node_503_naming_mail(
        client: Client, oranges: Any) -> None:
    message = email_from("halima@example.org", oranges.address, "Prices", "Buyers pay less.")
    stored = receive(message.as_bytes(), [oranges.address], Source.PIPE, process=False)
    InboundMessage.objects.filter(pk=stored[0].pk).update(
        received=timezone.now() - datetime.timedelta(hours=1))
    response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["mail"] == (
        "error: MailStuck: mail received over 15 minutes ago is still unprocessed")


def test_the_balancers_plain_http_probe_is_not_redirected_to_https(
        client: Client, db: None, settings: Any) -> None:
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health").status_code == 200
    assert client.get("/").status_code == 301
