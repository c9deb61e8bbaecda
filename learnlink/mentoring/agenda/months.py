"""Dialogue stages last calendar months ("a month of discussion"), as people plan them."""

from __future__ import annotations

import calendar
import datetime


def months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or that month's last day when it is shorter (31 January,
    one month later, is 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))
