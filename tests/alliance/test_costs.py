"""Shared costs: commitments and contributions in any currency, converted to US$ at the rate of
their own day and stored on the row; a day without a rate refused saying what to add; the
balance per partner on the ledger page, in the export and in the API, to the cent."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from learnlink.alliance.costs.ledger import balances, record
from learnlink.alliance.export import export
from learnlink.alliance.models import (
    BudgetLine,
    Commitment,
    Contribution,
    ExchangeRate,
    Partner,
)
from tests.alliance.small import DAY, Small, client_for, small  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(small: Small) -> Small:  # noqa: F811
    """Kenya shillings at 0.0131 US$ from 1 March 2003 and 0.0127 from 1 July; two budget
    lines; Kenya commits US$ and shillings, Uganda US$; Kenya gives shillings twice."""
    ExchangeRate.objects.create(currency="KES", valid_from=DAY(2003, 3, 1),
                                usd_per_unit=Decimal("0.0131"), source="central bank")
    ExchangeRate.objects.create(currency="KES", valid_from=DAY(2003, 7, 1),
                                usd_per_unit=Decimal("0.0127"), source="central bank")
    courses = BudgetLine.objects.create(alliance=small.alliance, name="Courses",
                                        amount_usd=Decimal("10000"), order=1)
    visits = BudgetLine.objects.create(alliance=small.alliance, name="Monitoring visits",
                                       amount_usd=Decimal("5000"), order=2)
    Commitment.objects.create(partner=small.kenya, budget_line=courses, amount=Decimal(3000),
                              currency="USD", agreed_on=DAY(2003, 3, 1))
    Commitment.objects.create(partner=small.kenya, budget_line=visits, kind="in_kind",
                              amount=Decimal(200000), currency="KES", agreed_on=DAY(2003, 3, 1),
                              note="Staff time")
    Commitment.objects.create(partner=small.uganda, budget_line=courses, amount=Decimal(1000),
                              currency="USD", agreed_on=DAY(2003, 3, 1))
    for day in (DAY(2003, 6, 30), DAY(2003, 7, 1)):
        Contribution.objects.create(partner=small.kenya, budget_line=visits, day=day,
                                    amount=Decimal(100000), currency="KES", kind="in_kind",
                                    description="Hosting a monitoring visit")
    return small


def test_a_contribution_is_converted_at_the_rate_of_its_own_day(ledger: Small) -> None:
    assert list(Contribution.objects.order_by("day").values_list("day", "amount_usd")) == [
        (DAY(2003, 6, 30), Decimal("1310.00")), (DAY(2003, 7, 1), Decimal("1270.00"))]
    assert Commitment.objects.get(currency="KES").amount_usd == Decimal("2620.00")
    moved = Contribution.objects.get(day=DAY(2003, 7, 1))
    moved.day = DAY(2003, 3, 1)
    moved.save(update_fields=["day"])
    moved.refresh_from_db()
    assert moved.amount_usd == Decimal("1310.00")


def test_a_contribution_without_a_rate_for_its_day_is_refused_saying_what_to_add(
        ledger: Small) -> None:
    line = BudgetLine.objects.get(name="Courses")
    for currency, day in (("UGX", DAY(2003, 5, 1)), ("KES", DAY(2003, 2, 28))):
        contribution = Contribution(partner=ledger.uganda, budget_line=line, day=day,
                                    amount=Decimal(500000), currency=currency,
                                    description="Lunches")
        with pytest.raises(ValidationError) as refused:
            record(contribution)
        message = str(refused.value)
        assert f"No US$ rate for {currency} on {day.day} {day:%b %Y}" in message
        assert f"add an exchange rate for {currency} valid from that day or earlier" in message
        assert "costs page" in message
    assert Contribution.objects.count() == 2
    page = client_for(ledger.coordinator).post("/alliances/beans/costs/contributions/new/", {
        "partner": ledger.uganda.pk, "budget_line": line.pk, "day": "2003-05-01",
        "amount": "500000", "currency": "ugx", "kind": "cash", "description": "Lunches"})
    assert page.status_code == 400
    assert "No US$ rate for UGX on 1 May 2003" in page.content.decode()


def test_the_balance_per_partner_is_committed_less_contributed(ledger: Small) -> None:
    rows = {row.partner: (row.committed_usd, row.contributed_usd, row.balance_usd)
            for row in balances(ledger.alliance)}
    assert rows == {
        "Bean Research": (Decimal(0), Decimal(0), Decimal(0)),
        "Team Kenya": (Decimal("5620.00"), Decimal("2580.00"), Decimal("3040.00")),
        "Team Uganda": (Decimal("1000.00"), Decimal(0), Decimal("1000.00"))}


def test_the_costs_api_gives_exact_figures_to_insiders_only(ledger: Small) -> None:
    answer = client_for(ledger.implementer).get("/api/alliances/beans/costs")
    assert answer.status_code == 200
    assert answer.json() == {
        "items": [
            {"partner": "Bean Research", "committed_usd": 0.0, "contributed_usd": 0.0,
             "balance_usd": 0.0},
            {"partner": "Team Kenya", "committed_usd": 5620.0, "contributed_usd": 2580.0,
             "balance_usd": 3040.0},
            {"partner": "Team Uganda", "committed_usd": 1000.0, "contributed_usd": 0.0,
             "balance_usd": 1000.0}],
        "totals": {"committed_usd": 6620.0, "contributed_usd": 2580.0, "balance_usd": 4040.0}}
    assert b'"committed_usd": 5620.0' in answer.content or b'"committed_usd":5620.0' in (
        answer.content)
    for user in (None, ledger.outsider):
        assert client_for(user).get("/api/alliances/beans/costs").status_code == 404
        assert client_for(user).get("/alliances/beans/costs/").status_code == 404
        assert "3040" not in client_for(user).get("/alliances/beans/").content.decode()


def test_insiders_read_the_ledger_and_coordinators_keep_it(ledger: Small) -> None:
    page = client_for(ledger.other_implementer).get("/alliances/beans/costs/")
    assert page.status_code == 200 and "3,040.00" in page.content.decode()
    dashboard = client_for(ledger.other_implementer).get("/alliances/beans/").content.decode()
    assert "Shared costs" in dashboard and "3,040" in dashboard
    for url in ("costs/contributions/new/", "costs/commitments/new/", "costs/budget-lines/new/",
                "costs/rates/new/", f"partners/{ledger.kenya.pk}/responsibilities/"):
        assert client_for(ledger.implementer).get(f"/alliances/beans/{url}").status_code == 404
    cora = client_for(ledger.coordinator)
    assert cora.post("/alliances/beans/costs/rates/new/", {
        "currency": "ugx", "valid_from": "2003-03-01", "per_usd": "2000",
        "source": "Bank of Uganda mid-rate"}).status_code == 302
    assert ExchangeRate.objects.get(currency="UGX").usd_per_unit == Decimal("0.0005")
    line = BudgetLine.objects.get(name="Courses")
    assert cora.post("/alliances/beans/costs/contributions/new/", {
        "partner": ledger.uganda.pk, "budget_line": line.pk, "day": "2003-05-01",
        "amount": "500000", "currency": "UGX", "kind": "cash",
        "description": "Lunches at the first course"}).status_code == 302
    given = Contribution.objects.get(partner=ledger.uganda)
    assert (given.amount_usd, given.recorded_by) == (Decimal("250.00"),
                                                     ledger.coordinator.person)
    assert cora.post(f"/alliances/beans/partners/{ledger.kenya.pk}/responsibilities/", {
        "responsibilities": "Hosts two monitoring visits."}).status_code == 302
    assert Partner.objects.get(pk=ledger.kenya.pk).responsibilities == (
        "Hosts two monitoring visits.")


def test_the_export_has_the_cost_shares(ledger: Small) -> None:
    book = load_workbook(io.BytesIO(export(ledger.alliance)))
    rows = list(book["Cost shares"].iter_rows(values_only=True))
    assert rows[0] == ("Partner", "Committed (US$)", "Contributed (US$)", "Balance (US$)")
    assert rows[2] == ("Team Kenya", Decimal("5620.00"), Decimal("2580.00"), Decimal("3040.00"))
    assert rows[-1][0] == "Total" and rows[-1][3] == Decimal("4040.00")
    assert len(list(book["Contributions"].iter_rows())) == 3
