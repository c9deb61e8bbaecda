"""Draft syntheses of real threads of the LTP list archive and print how long a draft takes.

    .venv/bin/python bench/drafting.py [--limit N] [--size 100]

Goal: the extractive draft of a 100-message thread in under 1 s. The archive's messages are
parsed as the mentor's workbench will see them (new text, quotes and signature apart) and
threaded by their references; the drafter then runs over every thread of at least 20 messages
as it is, and over 100-message threads: the real ones, and as many runs of 100 consecutive
messages of the list (a month of a group, several threads drafted together).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from collections.abc import Sequence

from _setup import LTP, ROOT, machine_speed, peak_rss_mb

sys.path.insert(0, str(ROOT))

from learnlink.drafting.drafts import Post
from learnlink.drafting.synthesis import synthesise
from learnlink.mail.mbox import read_messages
from tests.drafting.threads import EARLIEST, threads_of

LONG_THREAD = 20


def timed(posts: Sequence[Post]) -> float:
    """Milliseconds of CPU one draft takes (the machine is shared: wall time wanders)."""
    started = time.process_time()
    synthesise(posts)
    return (time.process_time() - started) * 1000


def line(name: str, figures: list[float]) -> str:
    if not figures:
        return f"{name}: none"
    ordered = sorted(figures)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"{name}: drafts={len(figures)} ms p50={statistics.median(ordered):.0f} "
            f"p95={p95:.0f} max={ordered[-1]:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N messages")
    parser.add_argument("--size", type=int, default=100, help="messages of a long draft")
    args = parser.parse_args()
    if not LTP.exists():
        sys.exit(f"the benchmark archive is missing: {LTP}")
    started = time.monotonic()
    threads = threads_of(itertools.islice(read_messages(LTP), args.limit or None))
    messages = sum(len(thread.posts) for thread in threads)
    print(f"messages={messages} threads={len(threads)} parsed and threaded in "
          f"{time.monotonic() - started:.0f} s")

    long_threads = [thread.posts for thread in threads if len(thread.posts) >= LONG_THREAD]
    largest = max(threads, key=lambda thread: len(thread.posts))
    print(f"largest thread: {len(largest.posts)} messages, {largest.subject[:70]!r}")
    print(line(f"threads of {LONG_THREAD}+ messages, as they are",
               [timed(posts) for posts in long_threads]))
    print(line(f"real threads of {args.size}+ messages, first {args.size}",
               [timed(posts[:args.size]) for posts in long_threads
                if len(posts) >= args.size]))
    everything = sorted((post for thread in threads for post in thread.posts),
                        key=lambda post: post.date or EARLIEST)
    runs = [everything[start:start + args.size]
            for start in range(0, len(everything) - args.size + 1, args.size)]
    print(line(f"runs of {args.size} consecutive messages (several threads)",
               [timed(run) for run in runs]))
    print(f"peak_rss_mb={peak_rss_mb():.0f}")
    print(machine_speed())


if __name__ == "__main__":
    main()
