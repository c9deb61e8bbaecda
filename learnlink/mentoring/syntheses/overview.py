"""What a synthesis's own page shows its mentors: where it stands (draft, published, sent), the
threads it covers, and each language: the original, a translation readers get, a translation
to check against a newer original, or none yet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from learnlink.mentoring.models import Synthesis, Version
from learnlink.mentoring.syntheses.presenting import shown
from learnlink.mentoring.syntheses.versions import is_current, latest_versions

SHOWN_THREADS = 20  # a month's synthesis may cover many; the page names the first ones


class State:
    ORIGINAL = "original"
    CURRENT = "current"
    TO_CHECK = "to_check"
    MISSING = "missing"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    state: str
    version: Version | None


def languages(synthesis: Synthesis, latest: dict[str, Version]) -> list[Language]:
    """The original first, then the other languages Learnlink speaks."""
    rows = []
    for code, name in settings.LANGUAGES:
        version = latest.get(code)
        if code == synthesis.language:
            state = State.ORIGINAL
        elif version is None:
            state = State.MISSING
        else:
            state = (State.CURRENT if is_current(version, latest, synthesis.language)
                     else State.TO_CHECK)
        rows.append(Language(code, name, state, version))
    return sorted(rows, key=lambda row: row.state != State.ORIGINAL)


def overview(synthesis: Synthesis) -> dict[str, Any]:
    latest = latest_versions(synthesis)
    threads = synthesis.threads.order_by("started", "pk")
    return {"synthesis": synthesis, "in_languages": languages(synthesis, latest),
            "original": shown(synthesis, latest[synthesis.language]),
            "threads": list(threads[:SHOWN_THREADS]), "thread_count": threads.count()}
