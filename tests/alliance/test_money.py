"""US$ conversion at the rate in force on each day, and a clear refusal where there is none."""

import datetime
from decimal import Decimal

import pytest

from learnlink.alliance.models import ExchangeRate
from learnlink.alliance.money import MissingRate, Rates, to_usd

pytestmark = pytest.mark.django_db
DAY = datetime.date


@pytest.fixture
def shillings() -> None:
    """Kenya shillings as the Central Bank of Kenya published them in 2003 (about 76-79/US$)."""
    ExchangeRate.objects.create(currency="KES", valid_from=DAY(2003, 3, 1),
                                usd_per_unit=Decimal("0.0131"))
    ExchangeRate.objects.create(currency="KES", valid_from=DAY(2003, 7, 1),
                                usd_per_unit=Decimal("0.0127"))


def test_an_amount_is_converted_at_the_rate_in_force_on_its_day(shillings: None) -> None:
    assert to_usd(Decimal("100000"), "KES", DAY(2003, 3, 1)) == Decimal("1310.00")
    assert to_usd(Decimal("100000"), "KES", DAY(2003, 6, 30)) == Decimal("1310.00")
    assert to_usd(Decimal("100000"), "KES", DAY(2003, 7, 1)) == Decimal("1270.00")
    assert to_usd(Decimal("100000"), "kes", DAY(2004, 10, 31)) == Decimal("1270.00")


def test_dollars_need_no_rate() -> None:
    assert to_usd(Decimal("13103"), "USD", DAY(1999, 1, 1)) == Decimal("13103.00")


def test_a_day_before_the_first_rate_is_refused_with_what_to_add(shillings: None) -> None:
    with pytest.raises(MissingRate) as refused:
        Rates(["KES", "UGX"]).to_usd(Decimal("5"), "KES", DAY(2003, 2, 28))
    assert "KES on 28 Feb 2003" in str(refused.value)
    assert "valid from that day or earlier" in str(refused.value)
    with pytest.raises(MissingRate, match="UGX on 1 May 2003"):
        Rates(["KES", "UGX"]).to_usd(Decimal("5"), "UGX", DAY(2003, 5, 1))
