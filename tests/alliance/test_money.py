"""US$ conversion at the rate in force on each day, a clear refusal where there is none, and
one source of rates at a time for each currency."""

import datetime
from decimal import Decimal

import pytest
from django.http import HttpResponse

from learnlink.alliance.models import ExchangeRate
from learnlink.lib.money import MissingRate
from tests.alliance.small import Small, client_for, small  # noqa: F401

pytestmark = pytest.mark.django_db
DAY = datetime.date


def to_usd(amount: Decimal, currency: str, day: datetime.date) -> Decimal:
    return ExchangeRate.objects.rates([currency]).to_usd(amount, currency, day)


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
        ExchangeRate.objects.rates(["KES", "UGX"]).to_usd(Decimal("5"), "KES", DAY(2003, 2, 28))
    assert "KES on 28 Feb 2003" in str(refused.value)
    assert "valid from that day or earlier" in str(refused.value)
    with pytest.raises(MissingRate, match="UGX on 1 May 2003"):
        ExchangeRate.objects.rates(["KES", "UGX"]).to_usd(Decimal("5"), "UGX", DAY(2003, 5, 1))


QUARTERLY = "Central Bank of Kenya, quarterly mean"
MONTHLY = "Central Bank of Kenya mid-rate, month average"


def add_rate(people: Small, day: str, per_usd: str, source: str) -> HttpResponse:
    return client_for(people.coordinator).post("/alliances/beans/costs/rates/new/", {
        "currency": "KES", "valid_from": day, "per_usd": per_usd, "source": source})


def test_a_second_source_may_follow_a_series_but_never_interleave_with_it(
        small: Small) -> None:  # noqa: F811
    for day, per_usd in (("2003-01-01", "77.0"), ("2003-07-01", "75.5"), ("2003-10-01", "76.5")):
        assert add_rate(small, day, per_usd, QUARTERLY).status_code == 302

    refused = add_rate(small, "2003-09-01", "77.7", MONTHLY)
    assert refused.status_code == 400
    assert (f"KES has rates from &quot;{QUARTERLY}&quot; from 2003-01-01 to 2003-10-01"
            in refused.content.decode())
    assert ExchangeRate.objects.count() == 3
    assert to_usd(Decimal(75500), "KES", DAY(2003, 9, 15)) == Decimal("1000.00")

    assert add_rate(small, "2003-09-01", "77.7", f"  {QUARTERLY.upper()} ").status_code == 302
    assert add_rate(small, "2004-01-01", "77.9", MONTHLY).status_code == 302  # takes over
    assert add_rate(small, "2004-04-01", "78.5", QUARTERLY).status_code == 400  # and back: no
    assert add_rate(small, "2002-10-01", "78.0", MONTHLY).status_code == 400  # before: no
    assert ExchangeRate.objects.count() == 5
