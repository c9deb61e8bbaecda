"""Dates as their reader reads them: month names, their abbreviations and the order of day, month
and year in the reader's language, from the Unicode CLDR through Babel ("14 juil. 2004",
"14 Jul 2004"). Django's own month abbreviations are not translated in French ("Jul 2004"),
and ISO dates next to month names read as two styles on one page.

Every date a person reads, on a page or in a notice, goes through here, in one of the few shapes
below. What programs read (spreadsheets, calendars, feeds, mail headers, form values) keeps its
ISO or RFC format.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable

from babel import Locale
from babel.dates import DateTimePattern, parse_pattern
from django.conf import settings
from django.utils import timezone, translation

# CLDR patterns: d day, MMM the month's abbreviation, MMMM its name, y year, HH:mm the time.
SHAPES = {
    "day": "d MMM y",                    # 14 Jul 2004, 14 juil. 2004
    "day_time": "d MMM y HH:mm",         # 14 Jul 2004 10:21
    "day_month": "d MMM",                # 14 Jul
    "day_month_time": "d MMM HH:mm",     # 14 Jul 10:21
    "month": "MMM y",                    # Jul 2004, juil. 2004
    "long_month": "MMMM y",              # July 2004, Julai 2004, juillet 2004
    "long_day": "d MMMM y",              # 14 July 2004
}

Shown = Callable[[datetime.date | datetime.datetime | None], str]


@functools.cache
def _locale(language: str) -> Locale:
    return Locale.parse(language.replace("-", "_"))


@functools.cache
def _pattern(shape: str) -> DateTimePattern:
    return parse_pattern(SHAPES[shape])


def formatter(shape: str = "day") -> Shown:
    """A function that shows dates in `shape`, in the current language and time zone, looked
    up once: for a page of dates. Aware datetimes are shown in local time; None is blank."""
    locale = _locale(translation.get_language() or settings.LANGUAGE_CODE)
    pattern = _pattern(shape)
    zone = timezone.get_current_timezone()

    def show(value: datetime.date | datetime.datetime | None) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = value.astimezone(zone)
        return str(pattern.apply(value, locale))

    return show


def shown(value: datetime.date | datetime.datetime | None, shape: str = "day") -> str:
    """One date in `shape` ("day", "day_time", "month", ...), as its reader reads it."""
    return formatter(shape)(value)
