"""The figures a programme officer relies on: membership is never double counted, money is
converted at the rate of the sale's own day, weights follow the conversion table, and the
spreadsheet's totals are formulas that agree with the page."""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.test import Client
from openpyxl import load_workbook

from learnlink.alliance.models import Alliance, ExchangeRate
from learnlink.impact.conversions import set_conversion
from learnlink.impact.models import Membership, Territory
from learnlink.impact.normalise import recompute_currency
from learnlink.impact.report import Period, impact_table
from learnlink.impact.sales import SaleInput, record_sale
from learnlink.people.models import Enterprise, Organisation, Place
from tests.impact.conftest import signed_in

pytestmark = pytest.mark.django_db
D = datetime.date


def mbeere(kenya: Alliance) -> Territory:
    return Territory.objects.get(alliance=kenya, place__name="Mbeere")


def test_a_pmg_counted_three_times_counts_its_latest_members_once(kenya: Alliance) -> None:
    mwingi = Place.objects.create(name="Mwingi", kind="district",
                                  parent=Place.objects.get(name="Eastern"))
    territory = Territory.objects.create(alliance=kenya, place=mwingi, position=9)
    pmg = Organisation.objects.create(name="Nguni PMG", slug="nguni-pmg", kind="pmg",
                                      place=mwingi)
    for day, members in ((D(2003, 6, 1), 30), (D(2004, 2, 1), 45), (D(2003, 12, 1), 40),
                         (D(2002, 12, 1), 20)):
        Membership.objects.create(territory=territory, pmg=pmg, date=day, members=members)

    def mwingi_members(period: Period) -> tuple[int, int]:
        row = impact_table(kenya, period).rows[-1]
        return row.pmgs, row.members

    assert mwingi_members(Period.of(kenya)) == (1, 45)
    assert mwingi_members(Period(D(2003, 1, 1), D(2003, 12, 31))) == (1, 40)
    assert mwingi_members(Period(D(2003, 1, 1), D(2003, 6, 30))) == (1, 30)
    assert mwingi_members(Period(D(2004, 6, 1), D(2004, 10, 31))) == (0, 0)
    assert impact_table(kenya, Period.of(kenya)).totals.members == 7842 + 45


def test_the_us_dollars_of_a_sale_use_the_rate_of_its_own_day(kenya: Alliance) -> None:
    territory, product = mbeere(kenya), Enterprise.objects.get(name="greengrams")
    pmg = Organisation.objects.get(name="Kiritiri PMG")

    def sale(day: datetime.date) -> Decimal:
        return record_sale(SaleInput(territory, pmg, product, day, Decimal(10), "bag90",
                                     Decimal(31000), "KES")).value_usd

    assert sale(D(2003, 9, 30)) == Decimal("410.60")  # 75.5 shillings to the dollar
    assert sale(D(2003, 10, 1)) == Decimal("405.23")  # 76.5 from October
    ExchangeRate.objects.create(currency="KES", valid_from=D(2003, 9, 15),
                                usd_per_unit=Decimal(1) / Decimal(80))
    assert recompute_currency("KES") >= 1
    assert list(territory.sales.filter(pmg=pmg, value=31000).order_by("date")
                .values_list("value_usd", flat=True)) == [Decimal("387.50"), Decimal("405.23")]


def test_changing_a_crate_weight_recomputes_the_tonnes(kenya: Alliance) -> None:
    tomatoes = Enterprise.objects.get(name="tomatoes")
    before = impact_table(kenya, Period.of(kenya)).rows[3].volume_t
    crates = sum(s.quantity for s in tomatoes.sales.all())
    assert set_conversion(kenya, tomatoes, "crate", Decimal("0.1")) == tomatoes.sales.count()
    after = impact_table(kenya, Period.of(kenya)).rows[3].volume_t
    assert after - before == crates * (Decimal("0.1") - Decimal("0.064"))


def test_a_sale_without_a_rate_or_a_crate_weight_is_refused(kenya: Alliance) -> None:
    from learnlink.impact.sales import SaleRejected

    territory, pmg = mbeere(kenya), Organisation.objects.get(name="Kiritiri PMG")
    coriander = Enterprise.objects.get(name="coriander")
    with pytest.raises(SaleRejected) as refused:
        record_sale(SaleInput(territory, pmg, coriander, D(2002, 6, 1), Decimal(3), "crate",
                              Decimal(100), "KES"))
    assert refused.value.problems == [
        "No conversion to tonnes for crates of coriander: a coordinator adds it on the "
        "alliance's conversion table.",
        "No US$ rate for KES on 1 Jun 2002: add an exchange rate for KES valid from that day "
        "or earlier."]


def evaluate(sheet, formula: str) -> float:  # type: ignore[no-untyped-def]
    column, first, last = re.fullmatch(r"=SUM\(([A-Z])(\d+):\1(\d+)\)", formula).groups()
    return sum(sheet[f"{column}{row}"].value or 0 for row in range(int(first), int(last) + 1))


def test_the_workbook_totals_are_formulas_that_agree_with_the_table(kenya: Alliance) -> None:
    content = Client().get("/impact/ciat-crs-east-africa/impact.xlsx").content
    sheet = load_workbook(io.BytesIO(content))["impact"]
    totals = [cell.value for cell in sheet[6]]
    assert totals[0] == "Total"
    assert all(str(totals[i]).startswith("=SUM(") for i in (1, 3, 4, 5, 6))
    computed = Client().get("/api/alliances/ciat-crs-east-africa/impact").json()["totals"]
    assert evaluate(sheet, totals[1]) == computed["target_households"]
    assert evaluate(sheet, totals[3]) == computed["pmgs"]
    assert evaluate(sheet, totals[4]) == computed["members"]
    assert round(evaluate(sheet, totals[5]), 1) == computed["volume_t"]
    assert round(evaluate(sheet, totals[6])) == computed["value_usd"]
    assert sheet["C4"].value == "greengrams; cotton (not sold yet)"
    products = load_workbook(io.BytesIO(content))["by product"]
    last = products.max_row
    assert round(evaluate(products, products[f"E{last}"].value)) == computed["value_usd"]


def test_the_csv_ends_with_the_totals(kenya: Alliance) -> None:
    text = Client().get("/impact/ciat-crs-east-africa/impact.csv").content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[-1] == [
        "Total", "18125", "", "49", "7842", "341.5", "140653"]


def test_a_period_narrows_the_figures(kenya: Alliance) -> None:
    whole = Client().get("/api/alliances/ciat-crs-east-africa/impact").json()["totals"]
    first = Client().get("/api/alliances/ciat-crs-east-africa/impact",
                         {"from": "2003-03-01", "to": "2003-12-31"}).json()["totals"]
    second = Client().get("/api/alliances/ciat-crs-east-africa/impact",
                          {"from": "2004-01-01", "to": "2004-10-31"}).json()["totals"]
    assert first["value_usd"] + second["value_usd"] in range(whole["value_usd"] - 1,
                                                             whole["value_usd"] + 2)
    assert first["value_usd"] < whole["value_usd"]
    bad = Client().get("/api/alliances/ciat-crs-east-africa/impact",
                       {"from": "2004-01-01", "to": "2003-01-01"})
    assert bad.status_code == 400


def test_a_partner_records_a_sale_on_the_web(kenya: Alliance, kenya_coordinator) -> None:
    client = signed_in(kenya_coordinator)
    territory = mbeere(kenya)
    form = {"territory": territory.pk, "pmg": Organisation.objects.get(name="Ishiara PMG").pk,
            "product": Enterprise.objects.get(name="cowpeas").pk, "date": "2004-10-02",
            "quantity": "20", "unit": "bag90", "value": "50000", "currency": "kes",
            "buyer": "Embu grain traders"}
    assert client.post("/impact/ciat-crs-east-africa/sales/new/", form).status_code == 302
    sale = territory.sales.get(date=D(2004, 10, 2))
    assert (sale.tonnes, sale.value_usd, sale.source) == (Decimal("1.8"), Decimal("625.00"),
                                                          "web")
    again = client.post("/impact/ciat-crs-east-africa/sales/new/", form)
    assert "This sale is recorded already." in again.content.decode()
    form.update(pmg=Organisation.objects.get(name="Hola PMG").pk, quantity="-1")
    refused = client.post("/impact/ciat-crs-east-africa/sales/new/", form).content.decode()
    assert "Ensure this value is greater than or equal to 0." in refused


def test_a_rate_corrected_in_the_admin_recomputes_the_sales_it_applies_to(
        kenya: Alliance, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("root", "root@example.org", "a-long-password-42")
    client = Client()
    client.force_login(admin)
    before = Client().get("/api/alliances/ciat-crs-east-africa/impact").json()["totals"]
    july = ExchangeRate.objects.get(currency="KES", valid_from=D(2004, 7, 1))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/alliance/exchangerate/{july.pk}/change/", {
            "currency": "KES", "valid_from": "2004-07-01", "usd_per_unit": "0.0100000000",
            "source": july.source})
    assert response.status_code == 302
    after = Client().get("/api/alliances/ciat-crs-east-africa/impact").json()["totals"]
    assert after["value_usd"] < before["value_usd"]
    july_sales = territory_sales_since(kenya, D(2004, 7, 1))
    assert all(sale.value_usd == (sale.value * Decimal("0.01")).quantize(Decimal("0.01"))
               for sale in july_sales) and july_sales


def territory_sales_since(kenya: Alliance, day: datetime.date) -> list:  # type: ignore[type-arg]
    from learnlink.impact.models import Sale

    return list(Sale.objects.filter(territory__alliance=kenya, date__gte=day))
