"""How costs grow with the archive: one group grown step by step to each size, measured at each.

    .venv/bin/python bench/scale.py [--sizes 10000,100000,1000000] [--requests N] [--queries N]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/scale.py

The group holds the LTP archive (35,116 real messages) copied as often as a size needs, each
copy's Message-IDs made distinct (`with_copy_ids`), so each copy keeps its own threads. The
database starts empty (PostgreSQL's is flushed) and grows: the import up to the first size,
then the pages and searches measured, then the import on to the next size, and so on. The
import streams the archive (read again for each copy), so memory stays bounded at any size.
After each import the database gathers its planner's statistics, as autovacuum would a while
after a big import. Pages are requested by a signed-in reader who is no member (a guest's
would come from the kept pages) in process with Django's test client, warm; searches are the
public's, words of the archive's own subjects (`subject_queries`).

One line per size: messages, import messages/s (of that step), group page, thread page and
search at the 95th percentile, database size, peak memory of the run so far. Goals (issue 21):
import into PostgreSQL at 1,000 messages/s or more; pages and searches that grow slowly.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from _setup import (
    LTP,
    fresh_django,
    machine_speed,
    median_p95,
    peak_rss_mb,
    subject_queries,
    timed,
    with_copy_ids,
)

ARCHIVE_SIZE = 35_116  # messages in the LTP archive
SLUG = "ltp-scale"


def copies_from(start: int) -> Iterator[bytes]:
    """The archive copied again and again with new ids, from the `start`-th message on."""
    from learnlink.mail.mbox import read_messages

    for copy in itertools.count(start // ARCHIVE_SIZE):
        skip = start - copy * ARCHIVE_SIZE if copy == start // ARCHIVE_SIZE else 0
        for raw in itertools.islice(read_messages(LTP), skip, None):
            yield with_copy_ids(raw, copy)


def database_mb(folder: Path) -> float:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0] / 2**20
    return sum(path.stat().st_size for path in folder.glob("bench.sqlite3*")) / 2**20


def analyze() -> None:
    """What autovacuum does a while after a big import (see contract_monitor.py)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def measure(requests: int, queries: list[str]) -> tuple[float, float, float, int]:
    """Group page, thread page and search p95 in ms, and the thread's size."""
    from django.contrib.auth.models import AnonymousUser, User
    from django.test import Client

    from learnlink.exchange.models import Group, Thread
    from learnlink.exchange.permissions import visible_groups
    from learnlink.exchange.search import search_messages

    group = Group.objects.get(slug=SLUG)
    threads = Thread.objects.filter(group=group)
    thread = (threads.filter(message_count__gte=100).order_by("message_count").first()
              or threads.order_by("-message_count").first())
    assert thread is not None
    # A signed-in reader who is no member: a guest would be answered from the kept pages, and
    # what is measured here is what a page costs to make as the archive grows.
    reader, _made = User.objects.get_or_create(username="scale-reader")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(reader)
    p95s = []
    for url in (f"/groups/{SLUG}/", thread.get_absolute_url()):
        client.get(url)
        p95s.append(timed(client, url, requests)["p95"])
    groups = visible_groups(AnonymousUser())
    asked = iter(queries)
    _median, search_p95 = median_p95(lambda: search_messages(groups, next(asked), limit=10),
                                     len(queries))
    return p95s[0], p95s[1], search_p95, thread.message_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="messages in the group at each measure, comma-separated")
    parser.add_argument("--requests", type=int, default=100, help="requests per page")
    parser.add_argument("--queries", type=int, default=200, help="searches per size")
    args = parser.parse_args()
    if not LTP.exists():
        sys.exit(f"the benchmark archive is missing: {LTP}")
    sizes = sorted(int(size) for size in args.sizes.split(","))
    folder = fresh_django("scale")
    from django.core.management import call_command
    from django.db import connection

    from learnlink.exchange.importing import import_messages
    from learnlink.exchange.membership import create_group

    call_command("collectstatic", "--noinput", verbosity=0)
    group = create_group(SLUG, "Linux Test Project, copied")
    print(f"engine={connection.vendor}; {machine_speed()}")
    print("messages  import msg/s  group p95 ms  thread p95 ms  search p95 ms  database MB  "
          "peak MB  (load average)")
    queries: list[str] = []
    held = 0
    for size in sizes:
        started = time.monotonic()
        stats = import_messages(group, itertools.islice(copies_from(held), size - held))
        rate = (size - held) / (time.monotonic() - started)
        held = size
        analyze()
        queries = queries or subject_queries(args.queries)
        group_p95, thread_p95, search_p95, thread_size = measure(args.requests, queries)
        print(f"{size:>8}  {rate:>12.0f}  {group_p95:>12.1f}  {thread_p95:>13.1f}  "
              f"{search_p95:>13.1f}  {database_mb(folder):>11.0f}  {peak_rss_mb():>7.0f}  "
              f"({' '.join(f'{load:.1f}' for load in os.getloadavg())}; imported="
              f"{stats.imported} duplicates={stats.duplicates} quarantined={stats.quarantined}"
              f", thread of {thread_size} messages)", flush=True)
    print(machine_speed())


if __name__ == "__main__":
    main()
