"""US$ from any currency at the rate in force on the day: the one conversion every app uses
(cost shares, sales), so a figure converted twice is converted the same way. The rates are
rows an app reads from its own table and hands over; nothing here reads the database.

Which rate is in force, stated here and nowhere else:

1. The rate for a day is the latest rate of its currency dated on or before that day (rates are
   entered when they change, as a ministry or a central bank publishes them). A day before a
   currency's first rate has no rate, and the caller is told which rate to add rather than given
   a guess.
2. A currency takes its rates from one source at a time. Sources may follow each other (a
   series from one bank until June, from another after), but never interleave: a rate whose
   source differs from the rates on both sides of its day is refused, saying which source is
   there. Two sources mixed day by day gave each sale whichever rate happened to be nearer, a
   figure that neither source publishes (the Kenya table was off by US$369 that way).

`Rates.used_for` lists the rates some amounts were converted at, with their sources, for the
pages that show a US$ figure to say where it comes from.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learnlink.lib.dates import shown

USD = "USD"
CENT = Decimal("0.01")


def valid_currency(code: str) -> None:
    """A currency is written as its ISO 4217 code (KES), as banks and spreadsheets write it."""
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        raise ValidationError(gettext_lazy("Write the currency as its three capital letters, "
                                           "e.g. KES."))


class MissingRate(ValueError):
    """No rate for a currency on a day; the message says what to add."""

    def __init__(self, currency: str, day: datetime.date) -> None:
        super().__init__(_("No US$ rate for %(currency)s on %(day)s: add an exchange rate for "
                           "%(currency)s valid from that day or earlier.")
                         % {"currency": currency, "day": shown(day)})
        self.currency = currency
        self.day = day


@dataclass(frozen=True)
class RateUsed:
    """A dated rate: US$ for one unit of `currency` from `valid_from` until the next rate."""

    currency: str
    valid_from: datetime.date
    usd_per_unit: Decimal
    source: str

    @property
    def per_usd(self) -> Decimal:
        """Units of the currency for one US$, as banks quote it and pages show it."""
        return (1 / self.usd_per_unit).quantize(CENT, rounding=ROUND_HALF_UP)


class Rates:
    """Dated rates of some currencies, given as (currency, valid from, US$ per unit, source)
    rows in any order, for converting many amounts."""

    def __init__(self, rows: Iterable[tuple[str, datetime.date, Decimal, str]]) -> None:
        self._days: dict[str, list[datetime.date]] = {}
        self._rates: dict[str, list[RateUsed]] = {}
        for currency, valid_from, rate, source in sorted(rows, key=lambda row: row[:2]):
            self._days.setdefault(currency, []).append(valid_from)
            self._rates.setdefault(currency, []).append(
                RateUsed(currency, valid_from, rate, source))

    def in_force(self, currency: str, day: datetime.date) -> RateUsed:
        """Rule 1: the latest rate of the currency dated on or before the day."""
        currency = currency.upper()
        index = bisect.bisect_right(self._days.get(currency, []), day) - 1
        if index < 0:
            raise MissingRate(currency, day)
        return self._rates[currency][index]

    def rate(self, currency: str, day: datetime.date) -> Decimal:
        if currency.upper() == USD:
            return Decimal(1)
        return self.in_force(currency, day).usd_per_unit

    def to_usd(self, amount: Decimal, currency: str, day: datetime.date) -> Decimal:
        """The amount in US$, to the cent."""
        return (amount * self.rate(currency, day)).quantize(CENT, rounding=ROUND_HALF_UP)

    def used_for(self, days: Iterable[tuple[str, datetime.date]]) -> list[RateUsed]:
        """The rates that amounts in these (currency, day) pairs were converted at, by currency
        and date: what a page lists under a US$ figure."""
        used = set()
        for currency, day in days:
            if currency.upper() == USD:
                continue
            try:
                used.add(self.in_force(currency, day))
            except MissingRate:
                continue
        return sorted(used, key=lambda rate: (rate.currency, rate.valid_from))


def foreign(currencies: Iterable[str]) -> set[str]:
    """The currencies, as codes, that need a rate (all but the US$)."""
    return {code.upper() for code in currencies} - {USD}


def check_one_source(new: tuple[str, datetime.date, str],
                     existing: Iterable[tuple[str, datetime.date, str]]) -> None:
    """Rule 2: refuse a (currency, day, source) rate that would interleave its source with
    another one of its currency among the `existing` rates (a ValidationError naming the source
    that is there and the days it covers). A rate of the same day is the one being replaced."""
    currency, valid_from, new_source = new
    others = sorted((day, source) for code, day, source in existing
                    if code == currency and day != valid_from)
    source = _source_key(new_source)
    before = [s for day, s in others if day < valid_from]
    after = [s for day, s in others if day > valid_from]
    between = _interleaved(source, before, after)
    if between is None:
        return
    days = [day for day, s in others if _source_key(s) == _source_key(between)]
    raise ValidationError(
        _('%(currency)s has rates from "%(there)s" from %(first)s to %(last)s. A currency '
          'takes its rates from one source at a time, so a rate from "%(source)s" may start '
          'only after that series or end before it. Give this rate the same source, or '
          'correct the rates of that series.')
        % {"currency": currency, "there": between or "?", "first": days[0].isoformat(),
           "last": days[-1].isoformat(), "source": new_source or "?"})


def _interleaved(source: str, before: list[str], after: list[str]) -> str | None:
    """The other source a rate would interleave with: one on both sides of its day, or one that
    lies between its day and a rate of its own source."""
    keys_before = [_source_key(s) for s in before]
    keys_after = [_source_key(s) for s in after]
    for index, key in enumerate(keys_before):
        if key != source and (key in keys_after or source in keys_before[:index]):
            return before[index]
    for index, key in enumerate(keys_after):
        if key != source and source in keys_after[index + 1:]:
            return after[index]
    return None


def _source_key(source: str) -> str:
    return " ".join(source.split()).casefold()
