"""The demo's exchange rates, 2003-2004: one series per currency, which both the alliance's
cost shares and the Kenya sales of the impact demo are converted at (lib/money.py says which rate
is in force and why a currency has one source at a time)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from learnlink.alliance.costs import ledger
from learnlink.alliance.models import ExchangeRate

# currency -> (source, [(valid from, units per US$)]): one series per currency. The shilling's
# is the one the published Kenya impact table was converted at; the others are plausible
# 2003-2004 month averages.
RATES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "KES": ("Central Bank of Kenya, quarterly mean (rounded)",
            [("2003-01-01", "77.0"), ("2003-04-01", "76.0"), ("2003-07-01", "75.5"),
             ("2003-10-01", "76.5"), ("2004-01-01", "77.5"), ("2004-04-01", "78.5"),
             ("2004-07-01", "79.5"), ("2004-10-01", "80.0")]),
    "UGX": ("Bank of Uganda mid-rate, month average",
            [("2003-03-01", "1945"), ("2003-09-01", "1985"), ("2004-03-01", "1890"),
             ("2004-09-01", "1745")]),
    "TZS": ("Bank of Tanzania mid-rate, month average",
            [("2003-03-01", "1000"), ("2003-09-01", "1040"), ("2004-03-01", "1085"),
             ("2004-09-01", "1075")]),
    "ETB": ("National Bank of Ethiopia mid-rate, month average",
            [("2003-03-01", "8.57"), ("2003-09-01", "8.60"), ("2004-03-01", "8.63"),
             ("2004-09-01", "8.65")]),
    "RWF": ("National Bank of Rwanda mid-rate, month average",
            [("2003-03-01", "514"), ("2003-09-01", "545"), ("2004-03-01", "568"),
             ("2004-09-01", "577")]),
    "BIF": ("Bank of the Republic of Burundi mid-rate, month average",
            [("2003-03-01", "1020"), ("2003-09-01", "1090"), ("2004-03-01", "1110"),
             ("2004-09-01", "1095")]),
    "MGF": ("Central Bank of Madagascar mid-rate, month average (Malagasy franc)",
            [("2003-03-01", "6250"), ("2003-09-01", "6100")]),
    "MGA": ("Central Bank of Madagascar mid-rate, month average (ariary, 1 MGA = 5 MGF)",
            [("2003-09-01", "1220"), ("2004-03-01", "1660"), ("2004-09-01", "1950")]),
    "ERN": ("Bank of Eritrea official rate, month average",
            [("2003-03-01", "13.90"), ("2003-09-01", "13.88"), ("2004-03-01", "13.80"),
             ("2004-09-01", "13.79")]),
    "SDD": ("Bank of Sudan mid-rate, month average (Sudanese dinar)",
            [("2003-03-01", "262"), ("2003-09-01", "260"), ("2004-03-01", "258"),
             ("2004-09-01", "252")]),
}



def load_rates(*currencies: str) -> None:
    """The series of these currencies (all when none is named), each rate validated as a
    coordinator's would be: a series that mixes sources fails."""
    for currency, (source, rates) in RATES.items():
        if currencies and currency not in currencies:
            continue
        for valid_from, per_usd in rates:
            day = datetime.date.fromisoformat(valid_from)
            if not ExchangeRate.objects.filter(currency=currency, valid_from=day).exists():
                ledger.record(ExchangeRate(
                    currency=currency, valid_from=day, source=source,
                    usd_per_unit=(1 / Decimal(per_usd)).quantize(Decimal("1e-10"))))
