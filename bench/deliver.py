"""Deliver 100 real posts to a group of 10,000 members, and daily digests to 10,000 members.

    .venv/bin/python bench/deliver.py [--members N] [--posts N] [--senders S] [--connections C]
                                      [--sink smtp-sink|aiosmtpd] [--ceiling N] [--ltp]

Goals: the worker hands all deliveries (members x posts, 1,000,000 by default) to a local SMTP
sink on loopback at no less than 2,000 deliveries per second, personalised footers and VERP
included; daily digests of 50 messages for 10,000 members built and handed over in under 2
minutes. The sink is Postfix's `smtp-sink` (a C program, Debian's postfix package: it costs
the two cores little, as a real relay on another machine would) or, with `--sink aiosmtpd`,
aiosmtpd in its own process (Python: it takes most of a core itself). Deliveries leave as the
worker sends them: `--senders` processes (LEARNLINK_SENDERS, the CPU count by default) of
`--connections` SMTP connections each; `--ceiling` sends with as many, minus the database.

The posts are real list discussion from tests/data/threading: notmuch's `default` corpus,
Mail::Box's 45-message list folder, then notmuch's `lkml` messages (2 to 4 KB each, like a
group's posts). `--ltp` takes the first messages of the LTP archive instead, a kernel list whose
patches average 14 KB and several hundred lines: there the sink, which reads line by line, is
the limit.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _setup import LTP, TEST_DATA, fresh_django, machine_speed, peak_rss_mb

THREADING = TEST_DATA / "threading"
DISCUSSIONS = [THREADING / "notmuch" / "corpora" / "default",
               THREADING / "mailbox-perl" / "mbox.src",
               THREADING / "notmuch" / "corpora" / "lkml"]


class CountingSink:
    """The far end: accepts everything and counts, as a relay that takes the mail would."""

    def __init__(self, counter: Any) -> None:
        self.counter = counter

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.counter.get_lock():
            self.counter.value += 1
        return "250 OK"


def run_sink(port: int, counter: Any, ready: Any) -> None:
    import logging

    from aiosmtpd.controller import Controller

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # a line per command otherwise

    controller = Controller(CountingSink(counter), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


@dataclass
class Sink:
    """A running sink: its process (for its CPU time), how many messages it took, its end."""

    pid: int
    taken: Callable[[], int]
    stop: Callable[[], None]


def aiosmtpd_sink(port: int) -> Sink:
    counter, ready = multiprocessing.Value("l", 0), multiprocessing.Event()
    process = multiprocessing.Process(target=run_sink, args=(port, counter, ready), daemon=True)
    process.start()
    ready.wait()
    return Sink(process.pid or 0, lambda: int(counter.value), process.terminate)


def postfix_sink(port: int) -> Sink:
    """`smtp-sink -c` writes its running count to stdout: into a file, which never fills up
    as a pipe would and block it."""
    binary = shutil.which("smtp-sink") or "/usr/sbin/smtp-sink"
    if not Path(binary).exists():
        sys.exit("smtp-sink is missing: apt-get install -y postfix (or use --sink aiosmtpd)")
    counts = tempfile.TemporaryFile()  # noqa: SIM115 (open while the sink runs)
    user = ["-u", "nobody"] if os.geteuid() == 0 else []
    process = subprocess.Popen(  # noqa: S603 (Debian's smtp-sink, our arguments)
        [binary, "-c", *user, f"127.0.0.1:{port}", "256"],
        stdout=counts, stderr=subprocess.DEVNULL)
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)

    def taken() -> int:
        counts.seek(0)
        numbers = re.findall(rb"\d+", counts.read())
        return int(numbers[-1]) if numbers else 0

    return Sink(process.pid, taken, process.terminate)


SINKS = {"smtp-sink": postfix_sink, "aiosmtpd": aiosmtpd_sink}


def members(count: int) -> Any:
    """10,000 people, one address and one membership each, written in bulk."""
    from django.utils import timezone

    from learnlink.exchange.membership import create_group
    from learnlink.exchange.models import Membership
    from learnlink.people.models import EmailAddress, Person

    group = create_group("ltp", "Linux Test Project", policy="open")
    people = Person.objects.bulk_create(
        [Person(name=f"Member {n}", slug=f"member-{n}") for n in range(count)], batch_size=2000)
    today = timezone.localdate()
    EmailAddress.objects.bulk_create(
        [EmailAddress(person=p, address=f"member{n}@example.org", primary=True,
                      active_from=today) for n, p in enumerate(people)], batch_size=2000)
    Membership.objects.bulk_create([Membership(group=group, person=p) for p in people],
                                   batch_size=2000)
    return group


def discussions() -> Any:
    from learnlink.mail import mbox

    for source in DISCUSSIONS:
        if source.is_dir():
            for path in sorted(p for p in source.rglob("*") if p.is_file()):
                yield path.read_bytes()
        else:
            yield from mbox.read_messages(source)


def post(group: Any, count: int, ltp: bool) -> tuple[float, int]:
    """The posts arrive as mail does (inbox, parse, thread, archive, fan-out): seconds taken,
    and the average size of a post."""
    from learnlink.mail import mbox
    from learnlink.mail.inbox import process, receive
    from learnlink.mail.models import Source

    started, size = time.perf_counter(), 0
    posts = mbox.read_messages(LTP) if ltp else discussions()
    for raw in itertools.islice(posts, count):
        size += len(raw)
        for inbound in receive(raw, [group.address], Source.SMTP, process=False):
            process(inbound)
    return time.perf_counter() - started, size // count


def send(senders: int, connections: int, port: int) -> int:
    """The whole sending side, as the worker runs it: claims, rendering, VERP, SMTP, records."""
    from django.conf import settings

    from learnlink.mail.sending import send_due

    settings.LEARNLINK_RELAY, settings.EMAIL_HOST, settings.EMAIL_PORT = True, "127.0.0.1", port
    return send_due(connections, senders)["sent"]


def measured(sink: Sink, work: Callable[[], int]) -> tuple[int, float, str]:
    """Run `work` (it returns how many it sent, all of which the sink must have taken): the
    count, the seconds, and a line of rates and CPU per delivery, ours (this process and the
    senders it forked) and the sink's."""
    before, sink_before, own_before = sink.taken(), cpu_seconds(sink.pid), own_cpu_seconds()
    started = time.perf_counter()
    sent = work()
    seconds = time.perf_counter() - started
    assert sink.taken() - before == sent, (sink.taken() - before, sent)
    line = (f"deliveries={sent} seconds={seconds:.1f} deliveries/s={sent / seconds:.0f} "
            f"sink_cpu_ms_per_delivery={1000 * (cpu_seconds(sink.pid) - sink_before) / sent:.2f} "
            f"client_cpu_ms_per_delivery={1000 * (own_cpu_seconds() - own_before) / sent:.2f}")
    return sent, seconds, line


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a running process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """This process's CPU time and that of its children once ended (the forked senders)."""
    return sum(usage.ru_utime + usage.ru_stime for usage in (
        resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def ceiling(count: int, senders: int, connections: int, port: int) -> int:
    """The sink and the SMTP client alone: one real post, rendered once, sent `count` times
    with VERP envelopes and no database, by as many processes and connections as the whole
    path uses. Whatever delivery does besides, it cannot beat this."""
    shares = [range(s, count, senders) for s in range(senders)]
    with ProcessPoolExecutor(senders, mp_context=multiprocessing.get_context("fork")) as pool:
        return sum(pool.map(client_alone, shares, itertools.repeat(connections, senders),
                            itertools.repeat(port, senders)))


def client_alone(numbers: range, connections: int, port: int) -> int:
    """One sending process of the ceiling: its share over `connections` threads."""
    import threading

    from learnlink.mail.smtp_pipeline import Relay, connect, crlf

    data = crlf(next(discussions()))
    relay = Relay("127.0.0.1", port)

    def sender(share: range) -> None:
        smtp = connect(relay)
        for n in share:
            smtp.sendmail(f"ltp+bounces+{n}@example.org", [f"member{n}@example.org"], data)
        smtp.quit()

    threads = [threading.Thread(target=sender, args=(numbers[c::connections],))
               for c in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(numbers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--senders", type=int, default=os.cpu_count() or 1,
                        help="sending processes (LEARNLINK_SENDERS)")
    parser.add_argument("--connections", type=int, default=4,
                        help="SMTP connections of each sender (LEARNLINK_SMTP_CONNECTIONS)")
    parser.add_argument("--ltp", action="store_true", help="post LTP messages (long patches)")
    parser.add_argument("--sink", choices=sorted(SINKS), default="smtp-sink")
    parser.add_argument("--ceiling", type=int, default=0, metavar="N",
                        help="first send one pre-rendered post N times, sink and client alone")
    args = parser.parse_args()
    if not LTP.exists():
        sys.exit(f"the benchmark archive is missing: {LTP}")
    fresh_django("deliver")
    from learnlink.exchange.digests import build
    from learnlink.exchange.models import DeliveryMode, Message
    from learnlink.mail.models import Delivery

    port = 8625
    sink = SINKS[args.sink](port)
    print(f"sink={args.sink}")
    layout = f"senders={args.senders} connections={args.connections} each"
    if args.ceiling:
        _sent, _seconds, line = measured(sink, lambda: ceiling(
            args.ceiling, args.senders, args.connections, port))
        print(f"ceiling (client alone): {line} {layout}")

    group = members(args.members)
    seconds, size = post(group, args.posts, args.ltp)
    queued = Delivery.objects.count()
    print(f"posts={args.posts} (average {size / 1024:.1f} KB) members={args.members} "
          f"deliveries queued={queued} fan-out seconds={seconds:.1f}")
    _sent, _seconds, line = measured(sink, lambda: send(args.senders, args.connections, port))
    print(f"whole path: {line} {layout} peak_rss_mb={peak_rss_mb():.0f}")

    group.memberships.update(mode=DeliveryMode.DAILY)
    started = time.perf_counter()
    digest = build(group, DeliveryMode.DAILY, list(
        Message.objects.filter(group=group, is_placeholder=False).select_related("thread")
        .order_by("pk")[:50]))
    digest_sent, _seconds, _line = measured(
        sink, lambda: send(args.senders, args.connections, port))
    seconds = time.perf_counter() - started
    size = len(digest.outgoing.raw) if digest.outgoing else 0
    print(f"daily digests={digest_sent} of {digest.messages} messages, {size / 1024:.1f} KB "
          f"each: built and handed over in {seconds:.1f} s")
    sink.stop()
    print(machine_speed())


if __name__ == "__main__":
    main()
