"""Bar charts as SVG drawn on the server: no script, a few hundred bytes each, readable in any
browser and in print. The templates draw what these functions measure."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format

from learnlink.lib.dates import formatter

WIDTH = 320
LABEL = 96
BAR = 18
GAP = 6


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int


def horizontal(items: list[tuple[str, Decimal]], unit: str = "") -> Chart:
    """One bar per item, longest for the largest value; the value is written after the bar."""
    largest = max((value for _label, value in items), default=Decimal(0)) or Decimal(1)
    room = WIDTH - LABEL - 70
    bars = [Bar(label, f"{unit}{number_format(round(value), force_grouping=True)}", LABEL,
                index * (BAR + GAP), int(room * value / largest), BAR)
            for index, (label, value) in enumerate(items)]
    return Chart(bars, WIDTH, max(len(bars) * (BAR + GAP), BAR))


def vertical(items: list[tuple[datetime.date, Decimal]], height: int = 120) -> Chart:
    """One column per month, the tallest for the largest volume; labelled with the month."""
    largest = max((value for _day, value in items), default=Decimal(0)) or Decimal(1)
    step = max(WIDTH // max(len(items), 1), 6)
    bars, month_of = [], formatter("month")
    for index, (month, value) in enumerate(items):
        tall = int(height * value / largest)
        bars.append(Bar(month_of(month), number_format(value, 1, force_grouping=True),
                        index * step, height - tall, max(step - 2, 4), tall))
    return Chart(bars, max(len(items) * step, WIDTH), height)
