"""The public pages a guest opens first, the home page and a practice page, over the
100,000-message archive and a library of a thousand practices.

    .venv/bin/python bench/public_pages.py [--requests 40]

Goal (issue 19): each under 50 ms to the first byte (median) and at most 50 KB in all (the
HTML and the stylesheet it links), whatever the archive's and the library's size. Measured in
process with Django's test client as a guest (routing, permissions, queries, templates, gzip).

The archive is `_setup.archive_django`'s, shared with web.py and search.py; the practices of
practices.py are added to it on first use and kept (a marker file beside it), and the practice
measured cites three of the archive's threads, as a practice cites the discussions it grew from.
"""

from __future__ import annotations

import argparse

from _setup import archive_django, machine_speed, timed


def library(folder: object) -> int:
    """The practice to measure, the library built on first use; its id."""
    from practices import build

    from learnlink.exchange.models import Thread
    from learnlink.knowledge.models import Practice

    marker = folder / "practices"  # type: ignore[operator]
    if not marker.exists():
        build(1000, 6)
        _analyse()
        marker.touch()
    practice = Practice.objects.order_by("pk")[500]
    practice.threads.set(Thread.objects.filter(group__slug="ltp-1")
                         .order_by("-message_count")[:3])
    return practice.pk


def _analyse() -> None:
    """PostgreSQL's statistics of the freshly built tables, as autovacuum would gather them in
    production: without them its planner took 19,485 threads for 66 and sorted them all for
    the home page (44 ms instead of 3)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    pk = library(archive_django())
    from django.test import Client

    from learnlink.exchange.models import Message
    from learnlink.knowledge.models import Practice
    from tests.web.test_pages import page_weight

    client = Client(HTTP_HOST="127.0.0.1")
    print(machine_speed())
    print(f"archive: {Message.objects.filter(is_placeholder=False).count()} messages, "
          f"{Practice.objects.count()} practices")
    for name, url in (("home page", "/"), ("practice page", f"/practices/{pk}/")):
        client.get(url)
        figures = timed(client, url, args.requests)
        weight = page_weight(client, client.get(url).content.decode())
        print(f"{name}: median={figures['median']:.1f} ms p95={figures['p95']:.1f} ms "
              f"cpu={figures['cpu']:.1f} ms queries={figures['queries']} "
              f"html={figures['kb']:.1f} KB in all={weight / 1024:.1f} KB")


if __name__ == "__main__":
    main()
