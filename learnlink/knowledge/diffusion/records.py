"""What the diffusion views, checks, exports and measures read: plain frozen records, so they
stay pure (no model, no query) and the knowledge app's models are turned into them in one place.

Statuses and channels are the stored values; `Diffusion.labels` maps each to the words a
reader sees in their language (the models' choices), and a value without a label shows as is.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    INTERESTED = "interested"
    TRYING = "trying"
    ADOPTED = "adopted"
    ADAPTED = "adapted"
    ABANDONED = "abandoned"


class Channel(StrEnum):
    THREAD = "thread"
    INTRODUCTION = "introduction"
    WORKSHOP = "workshop"
    VISIT = "visit"


TOOK_IT_UP = frozenset({Status.ADOPTED, Status.ADAPTED})


@dataclass(frozen=True)
class Origin:
    """Where and when a practice began. Coordinates are None where the place lacks them."""

    organisation: str
    place: str
    country: str
    latitude: float | None
    longitude: float | None
    date: datetime.date


@dataclass(frozen=True)
class Adoption:
    """One organisation taking the practice up; `learned_from` is another adoption's key, or
    None when they learned from the origin."""

    key: str
    organisation: str
    place: str
    country: str
    latitude: float | None
    longitude: float | None
    date: datetime.date
    status: str
    channel: str
    adaptation: str = ""
    learned_from: str | None = None


@dataclass(frozen=True)
class Diffusion:
    """A practice's journey: its origin and every adoption, in any order."""

    practice_title: str
    origin: Origin
    adoptions: tuple[Adoption, ...]
    labels: Mapping[str, str] = field(default_factory=dict)

    def label(self, value: str) -> str:
        """The words a reader sees for a status or channel value."""
        return self.labels.get(value, value)
