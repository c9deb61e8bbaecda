"""Spam (issue 20, item 11): with SPAMD_URL set, SpamAssassin's real daemon scores each mail to
a group; mail at or above the group's threshold waits in the quarantine with its score and the
rules that matched, and reaches nobody. A clean mail is posted as always; without SPAMD_URL,
with mail too large to check, or with a daemon that does not answer in time, nothing changes.
Debian's spamd runs on a loopback port with network tests off (--local); mail comes in over
LMTP and goes out to the real SMTP sink.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from learnlink.exchange.models import Message
from learnlink.mail.models import InboundMessage, State
from tests.conftest import email_from, free_port
from tests.exchange.test_list_delivery import GROUP, HALIMA

SPAMD = Path("/usr/sbin/spamd")
GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"
JOSEPH = "Joseph Mshana <joseph.mshana@example.org>"
STARTS_WITHIN = 120  # seconds: spamd reads its rules before it listens


@pytest.fixture(scope="module")
def spamd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Debian's spamd on a free loopback port, one child, no network tests, no user config."""
    if not SPAMD.exists():
        pytest.skip("Debian's spamd is missing: install it with 'apt-get install -y spamd'")
    port = free_port()
    folder = tmp_path_factory.mktemp("spamd")
    log = (folder / "spamd.log").open("wb")
    process = subprocess.Popen(
        [str(SPAMD), f"--listen=127.0.0.1:{port}", "--allowed-ips=127.0.0.1", "--local",
         "--nouser-config", "--max-children=1", "--min-children=1", "--min-spare=1",
         "--max-spare=1", "--syslog=stderr", f"--pidfile={folder / 'spamd.pid'}",
         *(["--username=nobody"] if os.geteuid() == 0 else [])], stdout=log, stderr=log)
    try:
        _wait_for(port, process, folder / "spamd.log")
        yield f"spamd://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTS_WITHIN
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"spamd stopped: {log.read_text(errors='replace')[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"spamd did not listen within {STARTS_WITHIN} s")


@pytest.fixture
def checked(settings: Any, spamd: str) -> str:
    settings.SPAMD_URL = spamd
    return spamd


def send(mail_server: Any, subject: str, body: str, sender: str = JOSEPH) -> InboundMessage:
    mail_server.send(email_from(sender, GROUP, subject, body), GROUP)
    return InboundMessage.objects.order_by("pk").last()


def test_gtube_is_quarantined_with_its_score_and_reaches_nobody(mail_server, oranges,
                                                                mailboxes, checked):
    inbound = send(mail_server, "Cheap fertiliser", f"Buy now!\n{GTUBE}\n")
    assert inbound.state == State.QUARANTINED
    assert inbound.reason.startswith("spam: SpamAssassin scored it 1000")
    assert "at or above the group's threshold of 5" in inbound.reason
    assert "GTUBE" in inbound.reason
    assert not Message.objects.exists()
    assert mailboxes.of(HALIMA) == []


def test_a_clean_mail_is_posted_and_delivered(mail_server, oranges, mailboxes, checked):
    inbound = send(mail_server, "Grading day on Saturday",
                   "We grade the oranges at Kilulu on Saturday at 8. Bring your crates.\n")
    assert inbound.state == State.DONE
    assert [str(copy["Subject"]) for copy in mailboxes.of(HALIMA)] == ["Grading day on Saturday"]


def test_each_group_sets_its_own_threshold(mail_server, oranges, mailboxes, checked):
    oranges.spam_threshold = 2000
    oranges.save(update_fields=["spam_threshold"])
    send(mail_server, "Testing the filter", f"{GTUBE}\n")
    assert Message.objects.filter(subject="Testing the filter").exists()


def test_a_mentor_releases_quarantined_spam_and_it_is_not_checked_again(
        mail_server, oranges, mailboxes, checked, client, mentor):
    inbound = send(mail_server, "Not spam, really", f"{GTUBE}\n")
    client.force_login(mentor)
    client.post(reverse("exchange:release", args=[oranges.slug, inbound.pk]))
    assert Message.objects.filter(subject="Not spam, really").exists()


def test_without_spamd_url_nothing_is_checked(mail_server, oranges, mailboxes, settings):
    settings.SPAMD_URL = ""
    send(mail_server, "Cheap fertiliser", f"{GTUBE}\n")
    assert Message.objects.filter(subject="Cheap fertiliser").exists()


def test_mail_larger_than_the_limit_is_not_sent_to_spamd(mail_server, oranges, mailboxes,
                                                         checked, settings):
    settings.SPAMD_MAX_SIZE = 200
    send(mail_server, "A long report", f"{GTUBE}\n" + "Sales of the week.\n" * 20)
    assert Message.objects.filter(subject="A long report").exists()


def test_a_spamd_that_does_not_answer_in_time_lets_the_mail_through(mail_server, oranges,
                                                                   mailboxes, settings):
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings.SPAMD_URL = f"spamd://127.0.0.1:{silent.getsockname()[1]}"
        settings.SPAMD_TIMEOUT = 1
        inbound = send(mail_server, "Buyers in Tanga", "Mr Juma pays 150 shillings.\n")
    assert inbound.state == State.DONE
    assert [str(copy["Subject"]) for copy in mailboxes.of(HALIMA)] == ["Buyers in Tanga"]
