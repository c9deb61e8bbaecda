"""The mentoring part of `learnlink demo`: each tool loads its records drawn from the demo
network's own threads (after the exchange's demo), and says in one line what it loaded."""

from __future__ import annotations

from collections.abc import Callable

from learnlink.mentoring.writeups.demo import load_writeups

# Each tool's loader, in order; each returns its line for the demo command's report.
LOADERS: list[Callable[[], str]] = [load_writeups]


def load_demo() -> list[str]:
    return [load() for load in LOADERS]
