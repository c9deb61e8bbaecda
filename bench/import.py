"""Import the LTP list archive (35,116 real messages) into a fresh group and print figures.

    .venv/bin/python bench/import.py [--limit N] [--processes P]

Goal: at least 1,000 messages/s into SQLite on 2 cores, search index included, peak memory
under 300 MB whatever the archive's size.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
from pathlib import Path

from _setup import LTP, fresh_django, machine_speed, peak_rss_mb


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user and system) of this process and of its finished children, the parsing
    workers: on a shared machine they move less than the wall clock with what others run."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def server_cpu_seconds() -> float | None:
    """CPU time of the PostgreSQL process serving this connection, when the server runs on
    this machine: on PostgreSQL the import's critical path is this process and the server's
    one, in turn. None on SQLite (its work is this process's) or for a server elsewhere."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        [pid] = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="import only the first N messages")
    parser.add_argument("--processes", type=int, default=None)
    args = parser.parse_args()
    if not LTP.exists():
        sys.exit(f"the benchmark archive is missing: {LTP}")
    folder = fresh_django("import")

    from learnlink.exchange import importing
    from learnlink.exchange.membership import create_group
    from learnlink.mail import mbox

    source: Path = LTP
    if args.limit:
        source = folder / "sample.mbox"
        mbox.write_mbox(source, itertools.islice(mbox.read_messages(LTP), args.limit))
    group = create_group("ltp", "Linux Test Project")
    before = cpu_seconds()
    stats = importing.import_mbox(group, source, processes=args.processes)
    main_cpu, workers_cpu = (after - start for after, start in zip(cpu_seconds(), before,
                                                                    strict=True))
    total = stats.imported + stats.duplicates + stats.quarantined
    print(f"messages={total} {stats.line()}")
    print(f"messages/s={total / stats.seconds:.0f} threads={stats.threads} "
          f"peak_rss_mb={peak_rss_mb():.0f}")
    server = server_cpu_seconds()  # the import's connection, opened after the workers forked
    print(f"cpu_ms_per_message: main={1000 * main_cpu / total:.2f} "
          f"parsing_workers={1000 * workers_cpu / total:.2f}"
          + ("" if server is None else f" postgresql_server={1000 * server / total:.2f}"))
    print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())}; "
          f"{machine_speed()}")


if __name__ == "__main__":
    main()
