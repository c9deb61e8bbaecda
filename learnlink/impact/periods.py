"""The period an impact figure covers: the alliance's own, or the dates a reader asks for."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from learnlink.alliance.models import Alliance


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @classmethod
    def of(cls, alliance: Alliance, start: datetime.date | None = None,
           end: datetime.date | None = None) -> Period:
        """The period asked for; the alliance's own where a bound is not given."""
        return cls(start or alliance.start, end or alliance.end)
