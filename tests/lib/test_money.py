"""learnlink.lib.money over plain rows, as any app hands them over: the rule for which rate is in
force, and the refusal of a second source in the middle of a currency's series."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from learnlink.lib.money import MissingRate, Rates, check_one_source

DAY = datetime.date
BANK = "Central Bank of Kenya"
ROWS = [("KES", DAY(2003, 7, 1), Decimal("0.0127"), BANK),  # in any order
        ("KES", DAY(2003, 3, 1), Decimal("0.0131"), BANK)]


def test_the_rate_in_force_is_the_latest_dated_on_or_before_the_day() -> None:
    rates = Rates(ROWS)
    assert rates.to_usd(Decimal(100000), "KES", DAY(2003, 6, 30)) == Decimal("1310.00")
    assert rates.to_usd(Decimal(100000), "kes", DAY(2003, 7, 1)) == Decimal("1270.00")
    assert rates.to_usd(Decimal(5), "USD", DAY(1990, 1, 1)) == Decimal("5.00")
    with pytest.raises(MissingRate, match="KES on 28 Feb 2003"):
        rates.to_usd(Decimal(5), "KES", DAY(2003, 2, 28))


def test_the_rates_used_are_listed_once_each_without_dollars_or_missing_days() -> None:
    used = Rates(ROWS).used_for([("KES", DAY(2003, 8, 1)), ("KES", DAY(2003, 9, 1)),
                                 ("KES", DAY(2003, 4, 1)), ("USD", DAY(2003, 4, 1)),
                                 ("KES", DAY(2002, 1, 1))])
    assert [(rate.valid_from, rate.per_usd) for rate in used] == [
        (DAY(2003, 3, 1), Decimal("76.34")), (DAY(2003, 7, 1), Decimal("78.74"))]


def test_a_second_source_may_follow_a_series_but_not_interleave_with_it() -> None:
    series = [("KES", DAY(2003, 1, 1), BANK), ("KES", DAY(2003, 10, 1), BANK),
              ("UGX", DAY(2003, 5, 1), "Bank of Uganda")]
    check_one_source(("KES", DAY(2004, 1, 1), "Another bank"), series)
    check_one_source(("KES", DAY(2003, 5, 1), f" {BANK.upper()} "), series)
    check_one_source(("KES", DAY(2003, 1, 1), "Another bank"), series[:1])  # replaces it
    with pytest.raises(ValidationError) as refused:
        check_one_source(("KES", DAY(2003, 5, 1), "Another bank"), series)
    assert f'KES has rates from "{BANK}" from 2003-01-01 to 2003-10-01' in str(refused.value)
