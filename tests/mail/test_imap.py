"""`learnlink poll_imap` against a real Dovecot on loopback: every message is stored with its
exact bytes before it leaves the inbox, and a message that cannot be stored never leaves it."""

from __future__ import annotations

import email.policy
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from imapclient import DELETED, IMAPClient

from learnlink.exchange.membership import create_group
from learnlink.mail import imap
from learnlink.mail.inbox import receive
from learnlink.mail.models import InboundMessage, Source, State
from tests.conftest import email_from, free_port

DOVECOT = Path("/usr/sbin/dovecot")
USER, PASSWORD = "kilulu@example.org", "p@ss/w%rd 42"
GROUP = "kilulu-oranges"
DONE = "Learnlink"

pytestmark = pytest.mark.django_db

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
mail_location = maildir:{root}/mail/%u
{capability}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd
}}
userdb {{
  driver = passwd-file
  args = {root}/passwd
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


@dataclass
class Dovecot:
    url: str
    port: int
    maildir: Path
    owner: tuple[int, int]

    def deliver(self, raw: bytes, name: str) -> None:
        """What an MTA does: write into tmp/, then rename into new/."""
        for sub in ("tmp", "new", "cur"):
            (self.maildir / sub).mkdir(parents=True, exist_ok=True)
            os.chown(self.maildir / sub, *self.owner)
        os.chown(self.maildir, *self.owner)
        (self.maildir / "tmp" / name).write_bytes(raw)
        (self.maildir / "tmp" / name).rename(self.maildir / "new" / name)

    def client(self) -> IMAPClient:
        client = IMAPClient("127.0.0.1", self.port, ssl=False, timeout=10)
        client.login(USER, PASSWORD)
        return client

    def contents(self, folder: str) -> list[bytes]:
        """The bytes of every message in `folder` not flagged \\Deleted, left unread."""
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            fetched = client.fetch(client.search(["NOT", "DELETED"]), ["BODY.PEEK[]"])
            return [data[b"BODY[]"] for data in fetched.values()]


def mail_accounts() -> tuple[str, str, str, pwd.struct_passwd]:
    """Login user, internal user and group, and the mailbox's owner. Dovecot refuses mail access
    as root: as root its helpers run as the users the Debian package made and the mailbox
    belongs to nobody; otherwise all of it runs as ourselves (hence no chroot in CONFIG)."""
    if os.geteuid() == 0:
        return "dovenull", "dovecot", "dovecot", pwd.getpwnam("nobody")
    me = pwd.getpwuid(os.geteuid())
    return me.pw_name, me.pw_name, grp.getgrgid(me.pw_gid).gr_name, me


def wait_for_port(port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"Dovecot does not listen on {port}")


@pytest.fixture
def dovecot(request: pytest.FixtureRequest) -> Iterator[Dovecot]:
    """Dovecot in the foreground on a free port; `param` replaces the capabilities it announces.
    Its files live in a directory of their own, not tmp_path: the unprivileged users Dovecot
    switches to cannot enter pytest's private base directory."""
    if not DOVECOT.exists():
        pytest.skip("needs Debian's Dovecot: apt-get install -y dovecot-imapd")
    login_user, internal_user, internal_group, owner = mail_accounts()
    root = Path(tempfile.mkdtemp(prefix="learnlink-imap-"))
    root.chmod(0o755)
    (root / "mail").mkdir()
    os.chown(root / "mail", owner.pw_uid, owner.pw_gid)
    port = free_port()
    capability = getattr(request, "param", "")
    (root / "passwd").write_text(
        f"{USER}:{{PLAIN}}{PASSWORD}:{owner.pw_uid}:{owner.pw_gid}::{root / 'mail' / USER}\n")
    (root / "dovecot.conf").write_text(CONFIG.format(
        root=root, port=port, login_user=login_user, internal_user=internal_user,
        internal_group=internal_group,
        capability=f"imap_capability = {capability}" if capability else ""))
    server = subprocess.Popen([str(DOVECOT), "-F", "-c", str(root / "dovecot.conf")],
                              start_new_session=True)
    try:
        wait_for_port(port)
        url = f"imap://{quote(USER, safe='')}:{quote(PASSWORD, safe='')}@127.0.0.1:{port}/INBOX"
        yield Dovecot(url, port, root / "mail" / USER, (owner.pw_uid, owner.pw_gid))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
        shutil.rmtree(root)


@pytest.fixture
def three(dovecot: Dovecot) -> list[bytes]:
    """Three real messages for the group, waiting in the webmail inbox."""
    create_group(GROUP, "Kilulu orange growers", policy="open")
    to = group_address()
    raws = [email_from("halima@example.org", to, subject, body).as_bytes(
        policy=email.policy.SMTP) for subject, body in [
        ("Price in Muheza", "Buyers from Dar pay 120 shillings an orange this week."),
        ("Grading", "We sort into three sizes before the buyer comes."),
        ("Black pepper", "Who has seedlings to share?")]]
    for n, raw in enumerate(raws):
        dovecot.deliver(raw, f"1700000000.M{n}P1.test")
    return raws


def group_address() -> str:
    return f"{GROUP}@{django_settings.LEARNLINK_MAIL_DOMAIN}"


def stored() -> list[bytes]:
    return [bytes(raw) for raw in InboundMessage.objects.filter(source=Source.IMAP)
            .order_by("pk").values_list("raw", flat=True)]


def test_poll_stores_the_exact_bytes_then_moves_them_to_the_done_folder(
        dovecot: Dovecot, three: list[bytes]) -> None:
    result = imap.poll(dovecot.url, group_address(), DONE)

    assert result == imap.PollResult(stored=3, moved=3)
    assert sorted(stored()) == sorted(three)
    assert set(InboundMessage.objects.values_list("recipient", "state")) == {
        (group_address(), State.DONE)}
    assert dovecot.contents("INBOX") == []
    assert sorted(dovecot.contents(DONE)) == sorted(three)


def test_polling_again_stores_nothing_more(dovecot: Dovecot, three: list[bytes]) -> None:
    imap.poll(dovecot.url, group_address(), DONE)

    again = imap.poll(dovecot.url, group_address(), DONE)

    assert again == imap.PollResult(stored=0, moved=0)
    assert InboundMessage.objects.count() == 3


def test_nothing_leaves_the_inbox_when_storing_fails(dovecot: Dovecot,
                                                     three: list[bytes]) -> None:
    result = imap.poll(dovecot.url, f"nobody-here@{django_settings.LEARNLINK_MAIL_DOMAIN}", DONE)

    assert result == imap.PollResult(stored=0, moved=0)
    assert not InboundMessage.objects.exists()
    assert sorted(dovecot.contents("INBOX")) == sorted(three)
    assert dovecot.contents(DONE) == []


def test_a_message_that_cannot_be_stored_stays_and_the_others_go_on(
        dovecot: Dovecot, three: list[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    def receive_but_grading(raw: bytes, *args: Any, **kwargs: Any) -> list[InboundMessage]:
        if b"Subject: Grading" in raw:
            raise OSError("disk full")
        return receive(raw, *args, **kwargs)

    monkeypatch.setattr(imap, "receive", receive_but_grading)
    result = imap.poll(dovecot.url, group_address(), DONE)

    assert result == imap.PollResult(stored=2, moved=2)
    assert dovecot.contents("INBOX") == [three[1]]
    assert sorted(stored()) == sorted([three[0], three[2]])


@pytest.mark.parametrize("dovecot", ["IMAP4rev1 UIDPLUS"], indirect=True)
def test_without_move_only_the_stored_messages_are_copied_and_expunged(
        dovecot: Dovecot, three: list[bytes]) -> None:
    with dovecot.client() as client:  # someone deleted a message in webmail, not yet expunged
        client.select_folder("INBOX")
        binned = client.search(["SUBJECT", "Black pepper"])
        client.add_flags(binned, [DELETED])

    result = imap.poll(dovecot.url, group_address(), DONE)

    assert result == imap.PollResult(stored=2, moved=2)
    assert sorted(dovecot.contents(DONE)) == sorted(three[:2])
    with dovecot.client() as client:
        client.select_folder("INBOX", readonly=True)
        assert client.search() == binned


@pytest.mark.parametrize("dovecot", ["IMAP4rev1"], indirect=True)
def test_without_uidplus_stored_messages_stay_flagged_and_are_not_fetched_again(
        dovecot: Dovecot, three: list[bytes]) -> None:
    first = imap.poll(dovecot.url, group_address(), DONE)
    second = imap.poll(dovecot.url, group_address(), DONE)

    assert (first, second) == (imap.PollResult(3, 3), imap.PollResult(0, 0))
    assert sorted(dovecot.contents(DONE)) == sorted(three)
    with dovecot.client() as client:
        client.select_folder("INBOX", readonly=True)
        assert len(client.search(["DELETED"])) == 3


def test_the_command_polls_the_mailbox_named_in_the_settings(
        dovecot: Dovecot, three: list[bytes], settings: Any) -> None:
    settings.IMAP_URL, settings.IMAP_GROUP = dovecot.url, GROUP
    out = StringIO()

    call_command("poll_imap", stdout=out)

    assert out.getvalue().strip() == "stored=3 moved=3"
    assert dovecot.contents(DONE) != []


def test_the_command_says_what_is_missing(settings: Any) -> None:
    settings.IMAP_URL = ""
    with pytest.raises(CommandError, match="IMAP_URL"):
        call_command("poll_imap", "--group", GROUP)


def test_the_url_gives_tls_port_and_folder_defaults() -> None:
    mailbox = imap.parse_url("imaps://group%40example.org:s%3Acret@mail.example.org")

    assert mailbox == imap.Mailbox(host="mail.example.org", port=993, tls=True,
                                   user="group@example.org", password="s:cret", folder="INBOX")
    with pytest.raises(ValueError, match="imaps://"):
        imap.parse_url("pop3://user:password@mail.example.org")
