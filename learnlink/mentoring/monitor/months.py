"""The monitor's months: what `?month=YYYY-MM` names, and where a month starts and ends in the
network's own time zone (a message sent at 23:30 on the 31st in Nairobi belongs to that month,
whatever UTC says)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

_SHAPE = re.compile(r"(\d{4})-(\d{2})")


class NotAMonth(ValueError):
    """What `?month=` held could not be read as a month."""


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """`2026-03` as a month; NotAMonth, saying how to write one, for anything else."""
        found = _SHAPE.fullmatch(text.strip())
        if not found or not 1 <= int(found[2]) <= 12 or int(found[1]) < 1900:
            raise NotAMonth(text)
        return cls(int(found[1]), int(found[2]))

    @classmethod
    def of(cls, day: datetime.date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def current(cls) -> Month:
        return cls.of(timezone.localdate())

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def last_day(self) -> datetime.date:
        return self.next().first_day - datetime.timedelta(days=1)

    @property
    def start(self) -> datetime.datetime:
        """The month's first moment, in the network's time zone."""
        return datetime.datetime(self.year, self.month, 1, tzinfo=timezone.get_current_timezone())

    @property
    def end(self) -> datetime.datetime:
        """The next month's first moment (the month is [start, end))."""
        return self.next().start

    def index(self) -> int:
        """Months since year 0: the difference of two indexes counts the months between."""
        return self.year * 12 + self.month - 1

    def plus(self, months: int) -> Month:
        year, month = divmod(self.index() + months, 12)
        return Month(year, month + 1)

    def next(self) -> Month:
        return self.plus(1)

    def previous(self) -> Month:
        return self.plus(-1)
