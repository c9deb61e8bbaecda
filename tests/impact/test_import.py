"""A coordinator imports targets, membership counts and sales from a spreadsheet: a file with
any bad row imports nothing and names every bad row and why."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from openpyxl import load_workbook

from learnlink.alliance.models import Alliance
from learnlink.impact.importing import import_sales
from learnlink.impact.models import Membership, Sale, Territory
from learnlink.impact.report import Period, impact_table
from tests.impact.conftest import signed_in, workbook

pytestmark = pytest.mark.django_db

SALES_HEADER = ["territory", "pmg", "product", "date", "quantity", "unit", "value", "currency",
                "buyer"]
MEMBERS_HEADER = ["pmg", "territory", "date", "members", "women", "men", "youth"]
GOOD = ["Kitui", "Mutomo PMG", "greengrams", "2004-09-02", "50", "90 kg bags", "100000", "KES",
        "Kitui Millers"]


def bad_file(tmp_path: Path) -> Path:
    return workbook(
        tmp_path / "sales.xlsx",
        targets=[["territory", "target_households", "products"],
                 ["Kenya / Eastern / Mwingi", "3000", "greengrams"]],
        memberships=[MEMBERS_HEADER,
                     ["Mwingi Central PMG", "Mwingi", "2004-06-01", "40", "30", "20", "5"],
                     ["Nguni PMG", "Mwingi", "2004-06-01", "25", "12", "13", ""]],
        sales=[SALES_HEADER,
               GOOD,
               ["Kitui", "Mutomo PMG", "greengrams", "2004-09-03", "12", "sacks", "20000",
                "KES", ""],
               ["Kitui", "Mwingi PMG", "greengrams", "2004-09-03", "-5", "kg", "200", "KES", ""],
               ["Kitui", "Kyuso PMG", "greengrams", "2999-01-01", "5", "kg", "200", "KES", ""],
               ["Kitui", "Zombe PMG", "greengrams", "2004-09-03", "5", "kg", "200", "UGX", ""],
               ["Kitui", "Siakago PMG", "greengrams", "2004-09-03", "5", "kg", "200", "KES", ""],
               GOOD])


def test_a_file_with_bad_rows_imports_nothing_and_names_each_row(kenya: Alliance,
                                                                  tmp_path: Path) -> None:
    before = (Sale.objects.count(), Membership.objects.count(), Territory.objects.count())
    report = import_sales(kenya, bad_file(tmp_path))
    assert report.errors == [
        "memberships row 2: women, men and youth do not fit in 40 members",
        "sales row 3: unknown unit 'sacks'; use one of kg, t, 90 kg bags, crates, litres",
        "sales row 4: negative quantity -5",
        "sales row 5: the date 2999-01-01 is in the future",
        "sales row 6: No US$ rate for UGX on 3 Sep 2004: add an exchange rate for UGX valid "
        "from that day or earlier.",
        "sales row 7: the PMG Siakago PMG is not in Kitui",
        "sales row 8: duplicate of row 2 (same PMG, product, date, quantity and value)",
    ]
    after = (Sale.objects.count(), Membership.objects.count(), Territory.objects.count())
    assert after == before  # not even the good targets, counts and sale


def test_a_good_file_is_imported_and_shows_in_the_table(kenya: Alliance, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "sales.xlsx",
        targets=[["territory", "target_households", "products"],
                 ["Kenya / Eastern / Mwingi", "3000", "greengrams; honey"]],
        memberships=[MEMBERS_HEADER,
                     ["Mwingi Central PMG", "Mwingi", "2004-06-01", "40", "22", "18", "5"]],
        sales=[SALES_HEADER,
               ["Mwingi", "Mwingi Central PMG", "greengrams", "2004-09-02", "1,000", "kg",
                "23,250", "KES", "Kitui Millers"]])
    report = import_sales(kenya, path)
    assert report.errors == []
    assert (report.sales, report.memberships, report.territories, report.pmgs_created) == (
        1, 1, 1, 1)
    row = impact_table(kenya, Period.of(kenya)).as_json()["rows"][-1]
    assert row == {"territory": "Mwingi", "target_households": 3000, "pmgs": 1, "members": 40,
                   "volume_t": 1.0, "value_usd": 292,  # 23,250 KES at 79.5 = US$292.45
                   "products": [{"name": "greengrams", "sold": True},
                                {"name": "honey", "sold": False}]}
    again = import_sales(kenya, path)
    assert again.errors == ["sales row 2: this sale is recorded already (same PMG, product, "
                            "date, quantity and value)"]
    assert Sale.objects.filter(territory__place__name="Mwingi").count() == 1


def test_the_command_lists_the_problems_and_fails(kenya: Alliance, tmp_path: Path) -> None:
    errors = io.StringIO()
    with pytest.raises(CommandError, match="Nothing imported: 7 problems"):
        call_command("import_sales", "ciat-crs-east-africa", str(bad_file(tmp_path)),
                     stderr=errors)
    assert "sales row 3: unknown unit 'sacks'" in errors.getvalue()


def test_a_csv_of_sales_imports_with_the_command(kenya: Alliance, tmp_path: Path) -> None:
    path = tmp_path / "september.csv"
    path.write_text(",".join(SALES_HEADER) + "\n" + ",".join(GOOD) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_sales", "ciat-crs-east-africa", str(path), stdout=out)
    assert "Imported: 1 sales" in out.getvalue()
    assert Sale.objects.get(date="2004-09-02").tonnes == Decimal("4.5")


def test_a_coordinator_imports_on_the_web_and_sees_every_bad_row(
        kenya: Alliance, kenya_coordinator, tmp_path: Path) -> None:
    client = signed_in(kenya_coordinator)
    template = client.get("/impact/ciat-crs-east-africa/import/template.xlsx")
    sheets = load_workbook(io.BytesIO(template.content))
    assert sheets.sheetnames == ["targets", "memberships", "sales"]
    assert [c.value for c in sheets["sales"][1]] == SALES_HEADER
    assert [c.value for c in sheets["memberships"][1]] == MEMBERS_HEADER
    with bad_file(tmp_path).open("rb") as upload:
        page = client.post("/impact/ciat-crs-east-africa/import/", {"file": upload})
    assert page.status_code == 200
    assert "Nothing imported: 7 problems to fix" in page.content.decode()
    assert "sales row 7: the PMG Siakago PMG is not in Kitui" in page.content.decode()
    path = tmp_path / "good.csv"
    path.write_text(",".join(SALES_HEADER) + "\n" + ",".join(GOOD) + "\n", encoding="utf-8")
    with path.open("rb") as upload:
        done = client.post("/impact/ciat-crs-east-africa/import/", {"file": upload})
    assert done.status_code == 302
    assert Sale.objects.filter(date="2004-09-02", source="spreadsheet").count() == 1


def test_only_coordinators_import(kenya: Alliance, tmp_path: Path) -> None:
    assert Client().get("/impact/ciat-crs-east-africa/import/").status_code == 404
    assert Client().get("/impact/ciat-crs-east-africa/import/template.xlsx").status_code == 404
