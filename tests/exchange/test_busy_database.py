"""Mail that meets a busy database is tried again later, never quarantined for it (issue 14):
only what cannot be processed at all goes to the quarantine."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from learnlink.exchange.models import Message
from learnlink.mail.inbox import receive
from learnlink.mail.models import InboundMessage, Source, State
from learnlink.mail.tasks import retry_stalled
from tests.conftest import email_from


@pytest.fixture
def real_queue():
    HUEY.immediate = False
    HUEY.flush()
    yield HUEY
    HUEY.flush()


@contextmanager
def archive_locked() -> Iterator[None]:
    """Another connection holds the archive's table, as a long write elsewhere would; the
    worker's next use of it fails at once with a temporary error ("database table is locked"
    in SQLite's shared cache, a lock timeout on PostgreSQL)."""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with connection.cursor() as cursor:
            cursor.execute("BEGIN")
            if connection.vendor == "postgresql":
                cursor.execute("LOCK TABLE exchange_message IN ACCESS EXCLUSIVE MODE")
            else:
                cursor.execute("SELECT count(*) FROM exchange_message").fetchall()
            held.set()
            release.wait(60)
            cursor.execute("COMMIT")
        connection.close()

    other = threading.Thread(target=hold)
    other.start()
    held.wait(30)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '200ms'")
    try:
        yield
    finally:
        release.set()
        other.join()


def test_mail_that_meets_a_locked_archive_stays_queued_and_is_posted_once_it_is_free(
        mail_server, oranges, real_queue):
    mail_server.send(email_from("halima@example.org", oranges.address, "Grading",
                                "Three sizes."), oranges.address)
    inbound = InboundMessage.objects.get()

    with archive_locked():
        real_queue.execute(real_queue.dequeue())
        inbound.refresh_from_db()
        assert (inbound.state, inbound.reason) == (State.PENDING, "")

    [retry] = real_queue.scheduled()
    assert retry.eta > timezone.now().replace(tzinfo=None), "tried again later, not at once"
    real_queue.execute(retry, timestamp=retry.eta)  # as the worker does when its time comes
    inbound.refresh_from_db()
    assert inbound.state == State.DONE
    assert Message.objects.get().subject == "Grading"


def test_mail_left_pending_for_hours_is_queued_again_by_the_hourly_sweep(transactional_db, oranges,
                                                                       real_queue):
    [old, new] = [receive(email_from("halima@example.org", oranges.address, subject, "Hi")
                          .as_bytes(), [oranges.address], Source.LMTP, process=False)[0]
                  for subject in ("Old", "New")]
    InboundMessage.objects.filter(pk=old.pk).update(
        received=timezone.now() - datetime.timedelta(hours=4))

    retry_stalled.call_local()
    real_queue.execute(real_queue.dequeue())

    assert not [task for task in real_queue.pending() if "process_inbound" in task.name]
    assert InboundMessage.objects.get(pk=old.pk).state == State.DONE
    assert InboundMessage.objects.get(pk=new.pk).state == State.PENDING
