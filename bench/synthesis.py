"""A mentor's draft of a real 100-message thread, through the draft page and the API.

    .venv/bin/python bench/synthesis.py [--limit N] [--requests N] [--size 100]

Goal: under 1 s. The LTP list archive is imported into a fresh group (the first N messages, all
by default) as any old archive is; the thread whose message count is closest above `--size` is
drafted by a signed-in mentor, the whole request in process with Django's test client (URL
routing, permissions, reading the thread, the extractive drafter, the form, the template), the
page's `/mentoring/syntheses/threads/ID/draft/` and the API's `/api/threads/ID/synthesis/draft`.
Set DATABASE_URL to measure PostgreSQL. No language model is asked (LLM_URL unset).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time

from _setup import LTP, fresh_django, machine_speed


def timed(client: object, url: str, requests: int) -> tuple[list[float], int]:
    """Milliseconds of each request (wall time, the request whole), and the answer's size."""
    samples, size = [], 0
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        size = len(response.content)
    return samples, size


def line(name: str, samples: list[float], size: int) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"{name}: requests={len(samples)} median={statistics.median(ordered):.0f} ms "
            f"p95={p95:.0f} ms max={ordered[-1]:.0f} ms size={size / 1024:.1f} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="import only the first N messages")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--size", type=int, default=100, help="messages of the thread drafted")
    args = parser.parse_args()
    fresh_django("synthesis")
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from learnlink.exchange.importing import import_messages
    from learnlink.exchange.membership import create_group
    from learnlink.exchange.models import Message, Thread
    from learnlink.mail.mbox import read_messages
    from learnlink.people.roles import MENTOR, grant_role
    from tests.conftest import make_member

    call_command("collectstatic", "--noinput", verbosity=0)  # pages link the stylesheet
    started = time.monotonic()
    group = create_group("ltp", "Linux Test Project")
    import_messages(group, itertools.islice(read_messages(LTP), args.limit or None))
    print(f"engine={connection.vendor} archive={Message.objects.count()} messages, imported in "
          f"{time.monotonic() - started:.0f} s")
    thread = (Thread.objects.filter(message_count__gte=args.size).order_by("message_count")
              .first() or Thread.objects.order_by("-message_count").first())
    assert thread is not None
    real = Message.objects.filter(thread=thread, is_placeholder=False).count()
    print(f"thread: {real} messages ({thread.message_count} with placeholders), "
          f"{thread.subject[:70]!r}")

    mentor = make_member(MENTOR, "Bench Mentor", "bench.mentor@example.org")
    grant_role(mentor, MENTOR)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(mentor)
    for name, url in [("draft page", f"/mentoring/syntheses/threads/{thread.pk}/draft/"),
                      ("API draft", f"/api/threads/{thread.pk}/synthesis/draft")]:
        client.get(url)  # the first request loads templates and translations
        print(line(name, *timed(client, url, args.requests)))
    print(machine_speed())


if __name__ == "__main__":
    main()
