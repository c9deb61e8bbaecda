"""What other apps put first in a group's digest: a mentor's synthesis published since the last
digest, for instance. The exchange depends on no app above it; those apps register a source
here (from their AppConfig.ready) and each digest opens with whatever the sources give, in the
language of the members that rendering is for."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from learnlink.exchange.models import Group


@dataclass(frozen=True)
class Lead:
    """An item at the top of a digest: a title, its text as plain lines with absolute links
    (the same in the text and the HTML part, where the links are made clickable), and the
    page to read it on."""

    title: str
    text: str
    url: str


# (group, since, until, language) -> the leads of a digest covering [since, until)
Source = Callable[[Group, datetime.datetime, datetime.datetime, str], list[Lead]]

_SOURCES: dict[str, Source] = {}


def register(key: str, source: Source) -> None:
    """Registering the same key twice replaces it."""
    _SOURCES[key] = source


def leads(group: Group, since: datetime.datetime, until: datetime.datetime,
          language: str) -> list[Lead]:
    """Every registered source's leads, in registration order."""
    return [lead for source in _SOURCES.values() for lead in source(group, since, until,
                                                                     language)]
