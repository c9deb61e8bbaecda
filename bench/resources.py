"""The library of resources beside an archive: what its suggestions cost a thread's page, and
its search, as the library grows.

    .venv/bin/python bench/resources.py [--messages N] [--library 100,1000,5000] [--threads N]

Goal: the suggestions under a thread are a bounded read (the thread's first messages, then the
index rows of its 30 words), a few milliseconds, whatever the archive's size; the thread's page
with the block within a few milliseconds of the page without it. The library's texts are the
archive's own messages (subjects as titles, their text as descriptions), so its words are as
varied as a real library's, and far more numerous than a network's few hundred resources.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import time

from _setup import LTP, fresh_django, machine_speed


def quantiles(samples: tuple[list[float], float]) -> str:
    wall, cpu = samples
    return (f"median={statistics.median(wall):.2f} ms "
            f"p95={statistics.quantiles(wall, n=20)[-1]:.2f} ms (CPU {cpu:.2f} ms each)")


def timed(work: object, items: list[object], cold: bool = False) -> tuple[list[float], float]:
    """Each call's wall time in ms, and the mean CPU time of this process (SQLite works in it;
    on a machine shared with other work, CPU time is the steadier figure). `cold` empties the
    cache before each call, as for a thread nobody opened for a day."""
    from django.core.cache import cache

    samples, cpu = [], 0.0
    for item in items:
        if cold:
            cache.clear()
        started, started_cpu = time.perf_counter(), time.process_time()
        work(item)  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
        cpu += time.process_time() - started_cpu
    return samples, cpu * 1000 / len(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--library", default="100,1000,5000")
    # Each thread's page keeps three entries in the cache (its messages, words, suggestions):
    # 60 of them fit the local memory cache's 300 entries, so a warm page stays warm.
    parser.add_argument("--threads", type=int, default=60)
    args = parser.parse_args()
    fresh_django("resources")
    from django.core.management import call_command
    from django.test import Client

    from learnlink.exchange import thread_blocks
    from learnlink.exchange.importing import import_messages
    from learnlink.exchange.membership import create_group
    from learnlink.exchange.models import Message, Thread
    from learnlink.mail.mbox import read_messages
    from learnlink.mentoring.models import Resource
    from learnlink.mentoring.resources.library import save_resource
    from learnlink.mentoring.resources.matching import matching_all, suggested_for

    call_command("collectstatic", "--noinput", verbosity=0)
    group = create_group("ltp", "Linux Test Project")
    import_messages(group, itertools.islice(read_messages(LTP), args.messages))
    total = Message.objects.filter(is_placeholder=False).count()
    chosen = random.Random(2026)
    threads = chosen.sample(list(Thread.objects.filter(message_count__gte=2)),
                            args.threads)
    queries = [" ".join(t.subject.split()[:2]) for t in threads]
    texts = iter(Message.objects.filter(is_placeholder=False).exclude(text="")
                 .order_by("?").values_list("subject", "text")[:max(
                     int(size) for size in args.library.split(","))])
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"archive: {total} messages, {Thread.objects.count()} threads")
    for size in (int(size) for size in args.library.split(",")):
        started = time.perf_counter()
        added = 0
        while Resource.objects.count() < size:
            subject, text = next(texts)
            save_resource(Resource(kind="guide", title=subject[:200] or "(none)",
                                   description=text[:1500]), [], [])
            added += 1
        seconds = time.perf_counter() - started
        rate = f", {added / seconds:.0f} resources/s added" if added else ""
        print(f"library of {size} resources{rate}:")
        cold = quantiles(timed(suggested_for, threads, cold=True))
        suggestions = [len(suggested_for(t)) for t in threads]  # and now kept in the cache
        print(f"  suggestions for a thread, cold: {cold}; "
              f"warm: {quantiles(timed(suggested_for, threads))}; "
              f"{statistics.mean(suggestions):.1f} suggested on average")
        print(f"  library search of two words: {quantiles(timed(matching_all, queries))}")
        pages = [t.get_absolute_url() for t in threads]
        for url in pages:
            client.get(url)  # the archive's rendered messages in the cache: warm pages
        block = thread_blocks._BLOCKS.pop("resources")
        without = timed(client.get, pages)
        thread_blocks.register(block)
        with_block = timed(client.get, pages)
        print(f"  thread page, warm cache: without the block {quantiles(without)}; "
              f"with it {quantiles(with_block)}")
    print(machine_speed())


if __name__ == "__main__":
    main()
