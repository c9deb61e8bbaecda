"""Shared by the benchmarks: a fresh database of their own, never the developer's."""

from __future__ import annotations

import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The one large archive stays outside the repository; the small corpora are in tests/data.
LTP = ROOT.parent / "shared" / "data" / "bench" / "ltp-2019-2026.mbox.xz"
TEST_DATA = ROOT / "tests" / "data"
_IDS = re.compile(rb"<([^<>\s@]+@[^<>\s]+)>")
_THREADING = (b"message-id:", b"in-reply-to:", b"references:")


def fresh_django(name: str) -> Path:
    """Point Learnlink at an empty SQLite file (unless DATABASE_URL says otherwise), migrate;
    a PostgreSQL database named is emptied, so that the benchmark starts from nothing there too."""
    folder = Path(tempfile.mkdtemp(prefix=f"learnlink-bench-{name}-"))
    os.environ["LEARNLINK_VAR_DIR"] = str(folder)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "learnlink.settings"
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("flush", "--noinput", verbosity=0)
    return folder


def with_copy_ids(raw: bytes, copy: int) -> bytes:
    """The message as copy `copy` of an archive: every id of its threading headers prefixed,
    so that each copy keeps its own threads and none is a duplicate of another's messages."""
    head, separator, body = raw.partition(b"\n\n")
    lines, threading = [], False
    for line in head.split(b"\n"):
        if not line[:1].isspace():
            threading = line.lower().startswith(_THREADING)
        if threading:
            line = _IDS.sub(lambda found: b"<c%d.%s>" % (copy, found[1]), line)
        lines.append(line)
    return b"\n".join(lines) + separator + body


def machine_speed() -> str:
    """How fast this machine runs Python right now, to read the other figures by: on a shared
    virtual machine the same import costs from 1.1 to 1.8 ms of CPU per message from hour to
    hour, and every figure of a benchmark moves with it. The work is memory-bound like theirs
    (strings, dicts, a sort): a loop of additions, which stays in the CPU's cache, did not move
    with them."""
    import random

    numbers = random.Random(2026)
    started = time.process_time()
    table = {str(number): number for number in range(1_000_000)}
    sorted(numbers.random() for _ in table)
    return (f"machine: a million strings in a dict and a million floats sorted took "
            f"{time.process_time() - started:.2f} s of CPU")


def peak_rss_mb() -> float:
    """The largest resident set of this process or any one of its children (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


ENGINE = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
ARCHIVE = Path(tempfile.gettempdir()) / f"learnlink-bench-archive-{ENGINE}"
COPIES = 3  # 3 x 35,116 real messages: the 100,000-message archive of the goals


def archive_django() -> Path:
    """A database holding the LTP archive three times over (three groups), built once and kept
    in the temporary folder for the next benchmark run."""
    ready = ARCHIVE / "ready"
    if not ready.exists():
        import shutil

        shutil.rmtree(ARCHIVE, ignore_errors=True)
        ARCHIVE.mkdir(parents=True)
    os.environ["LEARNLINK_VAR_DIR"] = str(ARCHIVE)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ARCHIVE}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "learnlink.settings"
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    if not ready.exists():
        from learnlink.exchange.importing import import_mbox
        from learnlink.exchange.membership import create_group

        for n in range(1, COPIES + 1):
            print(f"building the benchmark archive: copy {n} of {COPIES}", file=sys.stderr)
            import_mbox(create_group(f"ltp-{n}", f"Linux Test Project {n}"), LTP)
        ready.touch()
    return ARCHIVE


def subject_queries(count: int) -> list[str]:
    """Searches as the public makes them: words and pairs of words taken at random (fixed
    seed) from the archive's own thread subjects, so some are common and some are rare."""
    from learnlink.exchange.models import Thread

    subjects = list(Thread.objects.values_list("subject", flat=True)[:20000])
    words = [w for s in subjects for w in re.findall(r"[a-z]{4,}", s.lower())]
    rng = random.Random(2026)
    return [" ".join(rng.sample(words, rng.choice([1, 1, 2]))) for _ in range(count)]


def median_p95(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Wall time of `work` in ms over `runs` runs: the median and the 95th percentile."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), statistics.quantiles(samples, n=20)[-1]


def timed(client: object, url: str, requests: int) -> dict[str, float]:
    """Wall time (median, 95th percentile) and this process's CPU time (median: on SQLite the
    database's work too, on PostgreSQL the server's is not in it) in ms, queries, size."""
    from django.db import connection

    walls, cpus, queries = [], [], []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        for _ in range(requests):
            queries.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(url)  # type: ignore[attr-defined]
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return {"median": statistics.median(walls), "p95": statistics.quantiles(walls, n=20)[-1],
            "cpu": statistics.median(cpus), "queries": len(queries),
            "kb": len(response.content) / 1024}


def kept_django(folder: Path, build: Callable[[], None]) -> None:
    """Point Learnlink at a benchmark's own database in `folder`, which `build` fills on first
    use; kept in the temporary folder for the next run (one per database engine)."""
    ready = folder / "ready"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["LEARNLINK_VAR_DIR"] = str(folder)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "learnlink.settings"
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", "--noinput", verbosity=0)
    if not ready.exists():
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    if not ready.exists():
        build()
        ready.touch()
