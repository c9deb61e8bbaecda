"""The demo's records give the published Kenya table of the first CIAT-CRS learning alliance,
cell for cell: on the report, in the API and on the web page, after the whole `learnlink demo`
that `make run` loads (the alliance's own rates came with it and once moved the figures)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from learnlink.alliance.demo.core import SLUG
from learnlink.impact.demo import load_demo

pytestmark = pytest.mark.django_db

KENYA = [
    ("Mbeere", 5000, ["greengrams", "blackgrams", "cowpeas", "chickpeas", "coriander"], [],
     9, 447, 32.0, 13103),
    ("Homabay", 5000, ["groundnuts", "sweet potato", "cassava", "chickpeas", "sunflower oil",
                       "fish", "horticulture"], [], 27, 3014, 145.0, 78175),
    ("Kitui", 4000, ["greengrams", "cotton"], ["cotton"], 8, 381, 161.0, 46153),
    ("Tana River", 4125, ["greengrams", "cowpeas", "groundnuts", "kales", "tomatoes"], [],
     5, 4000, 3.5, 3222),
]
TOTALS = {"target_households": 18125, "pmgs": 49, "members": 7842, "volume_t": 341.5,
          "value_usd": 140653}


@pytest.fixture
def kenya() -> None:
    load_demo()


def expected_rows() -> list[dict[str, object]]:
    return [{"territory": territory, "target_households": households,
             "products": [{"name": name, "sold": name not in unsold} for name in products],
             "pmgs": pmgs, "members": members, "volume_t": volume, "value_usd": value}
            for territory, households, products, unsold, pmgs, members, volume, value in KENYA]


def test_the_api_gives_the_published_kenya_table_cell_for_cell(kenya: None) -> None:
    table = Client().get(f"/api/alliances/{SLUG}/impact").json()
    for row, expected in zip(table["rows"], expected_rows(), strict=True):
        for column, value in expected.items():
            assert row[column] == value, (expected["territory"], column)
    assert table["totals"] == TOTALS


def test_the_numbers_are_json_numbers(kenya: None) -> None:
    table = Client().get(f"/api/alliances/{SLUG}/impact",
                         {"from": "2003-03-01", "to": "2004-10-31"}).json()
    assert isinstance(table["totals"]["volume_t"], float)
    assert isinstance(table["totals"]["value_usd"], int)
    assert table["totals"] == TOTALS


def test_after_the_whole_demo_the_api_and_the_page_give_the_published_table() -> None:
    call_command("demo", stdout=StringIO())

    test_the_api_gives_the_published_kenya_table_cell_for_cell(None)
    html = the_page_shows_every_cell_of_the_kenya_table()
    rates = html.split('<section class="rates"', 1)[1].split("</section>", 1)[0]
    assert "Central Bank of Kenya, quarterly mean (rounded)" in rates
    assert "76.00 to the US$ from 1 Apr 2003" in rates and "1 Jan 2003" not in rates
    assert "79.50 to the US$ from 1 Jul 2004" in rates
    assert "month average" not in rates


def test_the_web_page_shows_every_cell_of_the_kenya_table(kenya: None) -> None:
    the_page_shows_every_cell_of_the_kenya_table()


def the_page_shows_every_cell_of_the_kenya_table() -> str:
    page = Client().get(f"/impact/{SLUG}/")
    assert page.status_code == 200
    html = page.content.decode()
    for territory, households, products, unsold, pmgs, members, volume, value in KENYA:
        row = html.split(f'<th scope="row">{territory}</th>', 1)[1].split("</tr>", 1)[0]
        cells = [cell.split(">", 1)[1] for cell in row.split("</td>")[:-1]]
        assert cells[0] == f"{households:,}"
        for name in products:
            assert (f"{name} (not sold yet)" if name in unsold else name) in cells[1]
        assert cells[2:] == [str(pmgs), f"{members:,}", f"{volume:,.1f}", f"{value:,}"]
    totals = html.split('<th scope="row">Total</th>', 1)[1].split("</tr>", 1)[0]
    assert [c.split(">", 1)[1] for c in totals.split("</td>")[:-1]] == [
        "18,125", "", "49", "7,842", "341.5", "140,653"]
    return html


def test_loading_the_demo_twice_changes_nothing(kenya: None) -> None:
    load_demo()
    assert Client().get(f"/api/alliances/{SLUG}/impact").json()["totals"] == TOTALS
