"""Which version of a synthesis each reader gets.

The latest version in the reader's language, if it is the original's language or a translation
written or checked against the original's latest version; otherwise the original's latest. A
translation of an older text is not shown to readers (they get the original) until a mentor
updates it or checks that it still says the same: its mentors see it marked "to check".
"""

from __future__ import annotations

from collections.abc import Iterable

from learnlink.mentoring.models import Synthesis, Version


def latest_by_language(versions: Iterable[Version]) -> dict[str, Version]:
    """The latest version in each language, from versions in any order."""
    latest: dict[str, Version] = {}
    for version in versions:
        if version.language not in latest or version.number > latest[version.language].number:
            latest[version.language] = version
    return latest


def latest_versions(synthesis: Synthesis) -> dict[str, Version]:
    """One query, however many times the synthesis was saved."""
    return latest_by_language(synthesis.versions.latest_each())


def is_current(translation: Version, latest: dict[str, Version], original: str) -> bool:
    """Whether a translation says what the original's latest version says (as far as a mentor
    checked); the original is always current."""
    if translation.language == original:
        return True
    source = latest.get(original)
    return source is not None and translation.translates == source.number


def for_reader(latest: dict[str, Version], original: str, language: str) -> Version | None:
    """The version to show to someone who reads `language`; None when there is none at all."""
    own = latest.get(language)
    if own is not None and is_current(own, latest, original):
        return own
    return latest.get(original)
