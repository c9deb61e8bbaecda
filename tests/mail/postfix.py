"""A real Postfix (Debian's package) on loopback, configured with deploy/postfix/main.cf.

The tests run the lines an administrator copies, only the list domain, the LMTP server's and
the relay's addresses changed, and the folders and ports of a throwaway instance added. Postfix
runs in the foreground (`postfix start-fg`) as root, dropping to its `postfix` user, so its
folders live outside pytest's private base directory, which that user cannot enter."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import free_port

POSTFIX = Path("/usr/sbin/postfix")
DEPLOYED = Path(__file__).resolve().parents[2] / "deploy" / "postfix" / "main.cf"
EXAMPLE_DOMAIN, EXAMPLE_LMTP = "lists.example.org", "127.0.0.1:8024"
STARTS_WITHIN = 30  # seconds
# The services a Postfix that relays and hands over by LMTP needs, none chrooted.
MASTER_CF = """\
{listen} inet n - n - - smtpd
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
lmtp      unix  - - n - - lmtp
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
"""


def needs_postfix() -> None:
    if not POSTFIX.exists():
        pytest.skip("needs Debian's Postfix: apt-get install -y postfix")
    if os.geteuid() != 0:
        pytest.skip("Postfix's master runs as root")


@dataclass
class Postfix:
    port: int
    folder: Path

    def log(self) -> str:
        path = self.folder / "maillog"
        return path.read_text(errors="replace") if path.exists() else ""


def main_cf(folder: Path, domain: str, lmtp_port: int, relay_port: int) -> str:
    """deploy/postfix/main.cf for this instance: its domain and ports, then its own folders."""
    lines = DEPLOYED.read_text().replace(EXAMPLE_DOMAIN, domain).replace(
        EXAMPLE_LMTP, f"127.0.0.1:{lmtp_port}")
    return f"""{lines}
compatibility_level = 3.6
queue_directory = {folder}/queue
data_directory = {folder}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.learnlink.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
relayhost = [127.0.0.1]:{relay_port}
smtp_dns_support_level = disabled
lmtp_dns_support_level = disabled
maillog_file = {folder}/maillog
maillog_file_prefixes = {folder}
"""


@contextmanager
def running_postfix(domain: str, lmtp_port: int, relay_port: int) -> Iterator[Postfix]:
    needs_postfix()
    folder = Path(tempfile.mkdtemp(prefix="learnlink-postfix-"))
    folder.chmod(0o755)
    (folder / "queue").mkdir()
    (folder / "data").mkdir()
    owner = pwd.getpwnam("postfix")
    os.chown(folder / "data", owner.pw_uid, owner.pw_gid)
    port = free_port()
    (folder / "main.cf").write_text(main_cf(folder, domain, lmtp_port, relay_port))
    (folder / "master.cf").write_text(MASTER_CF.format(listen=f"127.0.0.1:{port}"))
    subprocess.run([str(POSTFIX), "-c", str(folder), "check"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    master = subprocess.Popen([str(POSTFIX), "-c", str(folder), "start-fg"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    postfix = Postfix(port, folder)
    try:
        until(lambda: "daemon started" in postfix.log(), "Postfix to start")
        yield postfix
    finally:
        subprocess.run([str(POSTFIX), "-c", str(folder), "stop"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        try:
            master.wait(STARTS_WITHIN)
        except subprocess.TimeoutExpired:
            os.killpg(master.pid, 9)
        shutil.rmtree(folder, ignore_errors=True)


def until(done: Callable[[], object], what: str, within: float = 60) -> None:
    """Wait for Postfix's queue to do its part; fail saying what never happened."""
    deadline = time.monotonic() + within
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {within:.0f} s for {what}")
        time.sleep(0.1)
