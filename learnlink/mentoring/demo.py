"""The mentoring part of `learnlink demo`: each tool loads its records drawn from the demo
network's own threads (after the exchange's demo), and says in one line what it loaded."""

from __future__ import annotations

from collections.abc import Callable

from learnlink.mentoring.agenda.demo import load_demo as load_agenda
from learnlink.mentoring.cleanup.demo import load_demo as load_cleanup
from learnlink.mentoring.contracts.demo import load_contracts
from learnlink.mentoring.introductions.demo import load_demo as load_introductions
from learnlink.mentoring.labels.demo import load as load_labels
from learnlink.mentoring.monitor.demo import load_demo as load_monitor
from learnlink.mentoring.nudges.demo import load_demo as load_nudges
from learnlink.mentoring.resources.demo import load_demo as load_resources
from learnlink.mentoring.syntheses.demo import load_syntheses
from learnlink.mentoring.writeups.demo import load_writeups

# Each tool's loader, in order; each returns its line for the demo command's report.
LOADERS: list[Callable[[], str]] = [
    load_syntheses,
    load_cleanup,
    load_introductions,
    load_resources,
    load_labels,
    load_writeups,
    load_agenda,
    load_contracts,
    load_monitor,
    load_nudges,  # last: it reads how quiet each group is once all the demo's mail is in
]


def load_demo() -> list[str]:
    return [load() for load in LOADERS]
