"""US$ from any currency at the rate in force on the day: the one conversion both cost shares
and sales use, so a figure converted twice is converted the same way.

The rate for a day is the latest rate dated on or before it (rates are entered when they
change, as a ministry or a central bank publishes them). A day before a currency's first rate
has no rate, and the caller is told which rate to add rather than given a guess.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from learnlink.alliance.models import ExchangeRate
from learnlink.lib.dates import shown

USD = "USD"
CENT = Decimal("0.01")


class MissingRate(ValueError):
    """No rate for a currency on a day; the message says what to add."""

    def __init__(self, currency: str, day: datetime.date) -> None:
        super().__init__(_("No US$ rate for %(currency)s on %(day)s: add an exchange rate for "
                           "%(currency)s valid from that day or earlier.")
                         % {"currency": currency, "day": shown(day)})
        self.currency = currency
        self.day = day


class Rates:
    """The rates of some currencies, read in one query, for converting many amounts."""

    def __init__(self, currencies: Iterable[str]) -> None:
        self._days: dict[str, list[datetime.date]] = {}
        self._rates: dict[str, list[Decimal]] = {}
        wanted = {code.upper() for code in currencies} - {USD}
        rows = (ExchangeRate.objects.filter(currency__in=wanted).order_by("currency", "valid_from")
                .values_list("currency", "valid_from", "usd_per_unit"))
        for currency, valid_from, rate in rows:
            self._days.setdefault(currency, []).append(valid_from)
            self._rates.setdefault(currency, []).append(rate)

    def rate(self, currency: str, day: datetime.date) -> Decimal:
        currency = currency.upper()
        if currency == USD:
            return Decimal(1)
        days = self._days.get(currency, [])
        index = bisect.bisect_right(days, day) - 1
        if index < 0:
            raise MissingRate(currency, day)
        return self._rates[currency][index]

    def to_usd(self, amount: Decimal, currency: str, day: datetime.date) -> Decimal:
        """The amount in US$, to the cent."""
        return (amount * self.rate(currency, day)).quantize(CENT, rounding=ROUND_HALF_UP)


def to_usd(amount: Decimal, currency: str, day: datetime.date) -> Decimal:
    return Rates([currency]).to_usd(amount, currency, day)
