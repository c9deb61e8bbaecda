"""Search latency over a 100,000-message archive, as the public searches it.

    .venv/bin/python bench/search.py [--queries N]

Goal: under 50 ms at the 95th percentile. The queries are words and two-word pairs taken at
random (fixed seed) from the archive's own subjects, so some are common and some are rare.
"""

from __future__ import annotations

import argparse
import statistics
import time

from _setup import archive_django, machine_speed, subject_queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    archive_django()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from learnlink.exchange.models import Message
    from learnlink.exchange.permissions import visible_groups
    from learnlink.exchange.search import search_messages

    queries = subject_queries(args.queries)
    groups = visible_groups(AnonymousUser())
    samples, found = [], 0
    for query in queries:
        started = time.perf_counter()
        results = search_messages(groups, query, limit=10)
        samples.append((time.perf_counter() - started) * 1000)
        found += bool(results.hits)
    total = Message.objects.filter(is_placeholder=False).count()
    print(f"engine={connection.vendor} archive={total} messages queries={len(queries)} "
          f"with_results={found}")
    print(f"search: median={statistics.median(samples):.1f} ms "
          f"p95={statistics.quantiles(samples, n=20)[-1]:.1f} ms max={max(samples):.1f} ms")
    print(machine_speed())


if __name__ == "__main__":
    main()
