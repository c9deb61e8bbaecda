"""Server time of the archive's busiest pages over a 100,000-message archive.

    .venv/bin/python bench/web.py [--requests N]

Goal: the group page and a 100-message thread's page each under 15 ms median (the thread's
pages hold 20 messages or 36 KB of them, whichever is less; a cold cache renders them all).
Measured in process with Django's test client (the whole request: URL routing, permissions,
queries, templates, gzip), so the figure is the server's time without the network.
"""

from __future__ import annotations

import argparse
import statistics
import time

from _setup import archive_django, machine_speed


def timed(client: object, url: str, requests: int,
          cold: bool = False) -> tuple[float, float, int]:
    """Median and 95th percentile in ms, and the page's size in bytes; `cold` empties the
    cache before each request, as for a page nobody has opened for an hour."""
    from django.core.cache import cache

    samples, size = [], 0
    for _ in range(requests):
        if cold:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        size = len(response.content)
    return statistics.median(samples), statistics.quantiles(samples, n=20)[-1], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    archive_django()
    from django.test import Client

    from learnlink.exchange.models import Message, Thread

    client = Client(HTTP_HOST="127.0.0.1")
    total = Message.objects.filter(is_placeholder=False).count()
    thread = (Thread.objects.filter(message_count__gte=100).order_by("message_count").first()
              or Thread.objects.order_by("-message_count").first())
    assert thread is not None
    pages = {
        "group page": f"/groups/{thread.group.slug}/",
        "group page 50": f"/groups/{thread.group.slug}/?page=50",
        f"thread of {thread.message_count} messages, page 1": thread.get_absolute_url(),
        # A page number past the end shows the last page.
        f"thread of {thread.message_count} messages, last page":
            f"{thread.get_absolute_url()}?page=999",
    }
    print(f"archive: {total} messages")
    for name, url in pages.items():
        for cold in (False, True):
            client.get(url)
            median, p95, size = timed(client, url, args.requests, cold)
            print(f"{name}, {'cold cache' if cold else 'warm cache'}: median={median:.1f} ms "
                  f"p95={p95:.1f} ms html={size / 1024:.1f} KB")
    print(machine_speed())


if __name__ == "__main__":
    main()
