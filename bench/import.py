"""Import the LTP list archive (35,116 real messages) into a fresh group and print figures.

    .venv/bin/python bench/import.py [--limit N] [--processes P]

Goal: at least 1,000 messages/s into SQLite on 2 cores, search index included, peak memory
under 300 MB whatever the archive's size.
"""

from __future__ import annotations

import argparse
import itertools
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
    print(f"cpu_ms_per_message: main={1000 * main_cpu / total:.2f} "
          f"parsing_workers={1000 * workers_cpu / total:.2f}")
    print(machine_speed())


if __name__ == "__main__":
    main()
