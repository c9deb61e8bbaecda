"""Post hostile mail to a group and print what each message costs: time, memory, the write lock.

    .venv/bin/python bench/hostile.py [--seconds 120] [--memory-mb 2048] [CASE ...]

Goal: a message of any shape under the group's size limit (10 MB) is posted in under a second,
holds the database's write lock for a few milliseconds, and its pages render in bounded memory.
The cases are the attacks of issue 14: a subject of thousands of RFC 2047 encoded words (the
70,000 of one 1 MB line grew the web process to 23.9 GB), 90 headers of 100 KB each (82 s of
re-serialising for delivery inside the posting transaction), MIME nested or split thousands of
times.

Each case runs in a child process of its own, limited to `--memory-mb` of address space and
`--seconds` of wall time, so a case that explodes is reported instead of taking the machine.
While the message is posted, a second thread writes to the database every few milliseconds, as
the SMTP server and sign-in would: "lock wait" is the longest it had to wait.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

from _setup import fresh_django, machine_speed, peak_rss_mb

GROUP = "hostile"
MB = 1024 * 1024


def encoded_words(count: int) -> bytes:
    """As the attack of issue 14: 70,000 of them make one line of about 1 MB."""
    return b" ".join([b"=?utf-8?q?Grading_=C3=A9?=", *[b"=?utf-8?q?e?="] * (count - 1)])


def message(headers: bytes, body: bytes = b"Content-Type: text/plain\r\n\r\nThe body.\r\n",
            name: str = "x") -> bytes:
    return (b"From: Halima <halima@example.org>\r\nTo: hostile@example.org\r\n"
            b"Message-ID: <%s@example.org>\r\nDate: Tue, 14 Sep 2004 10:21:00 +0000\r\n"
            b"MIME-Version: 1.0\r\n" % name.encode() + headers + body)


def nested(depth: int) -> bytes:
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (n, n)
                       for n in range(depth))
    closing = b"".join(b"\r\n--b%d--\r\n" % n for n in reversed(range(depth)))
    return opening + b"Content-Type: text/plain\r\n\r\nDeep inside.\r\n" + closing


def many_parts(count: int) -> bytes:
    parts = b"".join(b"--p\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % n
                     for n in range(count))
    return b'Content-Type: multipart/mixed; boundary="p"\r\n\r\n' + parts + b"--p--\r\n"


CASES = {
    "subject-7000-words": lambda: message(b"Subject: " + encoded_words(7_000) + b"\r\n"),
    "subject-70000-words": lambda: message(b"Subject: " + encoded_words(70_000) + b"\r\n"),
    "90-headers-100kb": lambda: message(b"".join(
        b"X-Long-%d: %s\r\n" % (n, b"ab " * 34_000) for n in range(90))),
    "to-20000-words": lambda: message(b"Subject: many\r\nCc: " + encoded_words(20_000)
                                      + b" <x@example.org>\r\n"),
    "params-1mb": lambda: message(b"Subject: params\r\n", b'Content-Type: text/plain; x="'
                                  + b"a; " * 330_000 + b'"\r\n\r\nThe body.\r\n'),
    "mime-depth-400": lambda: message(b"Subject: deep\r\n", nested(400)),
    "mime-depth-2000": lambda: message(b"Subject: deep\r\n", nested(2_000)),
    "mime-50000-parts": lambda: message(b"Subject: wide\r\n", many_parts(50_000)),
}


def run_case(name: str, memory_mb: int) -> dict[str, object]:
    """In the child: limit memory, post the message, read it on the outgoing-mail page."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
    from django.contrib.auth.models import User
    from django.test import Client

    from learnlink.exchange.models import Group, Message
    from learnlink.mail.inbox import process, receive
    from learnlink.mail.models import Outgoing, Source

    group = Group.objects.get(slug=GROUP)
    for raw in (message(b"Subject: warm-up\r\n"), CASES[name]()):  # modules load, then time
        raw = raw.replace(b"<x@", f"<{name}-{time.time_ns()}@".encode())
        [inbound] = receive(raw, [group.address], Source.LMTP, process=False)
        if b"warm-up" in raw:
            process(inbound)
    probe = LockProbe()
    probe.start()
    started = time.perf_counter()
    process(inbound)
    seconds = time.perf_counter() - started
    probe.stop()
    inbound.refresh_from_db()
    figures: dict[str, object] = {
        "case": name, "size_kb": len(raw) // 1024, "state": inbound.state,
        "post_s": round(seconds, 3), "lock_wait_s": round(probe.longest, 3),
        "locked": probe.failed}
    client = Client()
    client.force_login(User.objects.get(username="bench-staff"))
    outgoing = Outgoing.objects.order_by("-pk").first()
    posted = Message.objects.filter(inbound=inbound).first()
    pages = [f"/outbox/{outgoing.pk}/" if outgoing else "", "/outbox/",
             posted.thread.get_absolute_url() if posted else "",
             f"/groups/{GROUP}/messages/{posted.pk}/whole/" if posted else "",
             f"/groups/{GROUP}/moderation/", f"/groups/{GROUP}/quarantine/",
             f"/api/groups/{GROUP}/held"]
    slowest, codes = (0.0, ""), []
    for page in filter(None, pages):
        started = time.perf_counter()
        codes.append(client.get(page).status_code)
        slowest = max(slowest, (time.perf_counter() - started, page))
    figures |= {"pages": codes, "slowest_s": round(slowest[0], 3), "slowest": slowest[1],
                "peak_mb": round(peak_rss_mb())}
    return figures


class LockProbe(threading.Thread):
    """Writes as another request would, in its own connection; records the longest wait."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.longest = 0.0
        self.failed = 0
        self.running = True

    def run(self) -> None:
        from django.db import OperationalError, connection, transaction

        from learnlink.mail.models import InboundMessage

        while self.running:
            started = time.perf_counter()
            try:
                with transaction.atomic():
                    InboundMessage.objects.filter(pk=-1).update(reason="")
            except OperationalError:  # "database is locked": SMTP would answer 451
                self.failed += 1
            self.longest = max(self.longest, time.perf_counter() - started)
            time.sleep(0.005)
        connection.close()

    def stop(self) -> None:
        self.running = False
        self.join()


def prepare() -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from learnlink.exchange.membership import add_member, create_group
    from learnlink.people.roles import STAFF, grant_role

    call_command("collectstatic", "--noinput", verbosity=0)
    group = create_group(GROUP, "Hostile mail")
    group.posting_policy = "open"
    group.save()
    for n in range(3):
        add_member(group, f"member{n}@example.org")
    staff = User.objects.create_user("bench-staff", is_staff=True, is_superuser=True)
    grant_role(staff, STAFF)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", nargs="*", default=list(CASES))
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--child", default="")
    options = parser.parse_args()
    if options.child:
        os.environ["DJANGO_SETTINGS_MODULE"] = "learnlink.settings"
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        import django

        django.setup()
        from django.conf import settings

        settings.ALLOWED_HOSTS = ["testserver"]
        print(json.dumps(run_case(options.child, options.memory_mb)))
        return
    folder = fresh_django("hostile")
    prepare()
    print(machine_speed())
    print(f"each case limited to {options.memory_mb} MB of address space and "
          f"{options.seconds} s")
    env = {**os.environ, "LEARNLINK_VAR_DIR": str(folder)}
    for name in options.cases:
        try:
            done = subprocess.run(  # noqa: S603 (this script, run again)
                [sys.executable, __file__, "--child", name, "--memory-mb",
                 str(options.memory_mb)], env=env, capture_output=True, text=True,
                timeout=options.seconds, check=False)
        except subprocess.TimeoutExpired:
            print(f"{name:22} did not finish within {options.seconds} s")
            continue
        lines = done.stdout.strip().splitlines()
        if done.returncode or not lines:
            error = (done.stderr.strip().splitlines() or ["?"])[-1]
            print(f"{name:22} failed (exit {done.returncode}): {error[:120]}")
            continue
        figures = json.loads(lines[-1])
        print(f"{name:20} {figures['size_kb']:>5} KB {figures['state']:11} "
              f"processed in {figures['post_s']:6.3f} s, lock wait {figures['lock_wait_s']:6.3f} s "
              f"({figures['locked']} writes refused); pages {figures['pages']}, slowest "
              f"{figures['slowest_s']:.3f} s ({figures['slowest']}); peak {figures['peak_mb']} MB")


if __name__ == "__main__":
    main()
