"""The accountability board: exact figures for a crafted set of tasks, the same on the web, in
the API and in the spreadsheet, and only for the alliance's insiders."""

import io
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openpyxl import load_workbook

from learnlink.alliance.planning import actions as planning
from learnlink.alliance.planning.accountability import board
from tests.alliance.teams import D, Small, make_small, signed_in

pytestmark = pytest.mark.django_db

TODAY = D(2003, 6, 1)


@pytest.fixture
def small(network: dict[str, Any]) -> Small:
    small = make_small(network)
    growers = planning.plan_for(small.growers, small.first)
    halima = small.grower.person
    tasks = {name: planning.add_task(growers, title=name, owner=halima, due=due)
             for name, due in [("early", D(2003, 4, 1)), ("on the day", D(2003, 5, 1)),
                               ("after", D(2003, 5, 1)), ("forgotten", D(2003, 5, 15)),
                               ("too hard", D(2003, 7, 1)), ("coming", D(2003, 7, 1)),
                               ("due today", TODAY)]}
    planning.mark_done(tasks["early"], D(2003, 3, 20))
    planning.mark_done(tasks["on the day"], D(2003, 5, 1))
    planning.mark_done(tasks["after"], D(2003, 5, 2))
    planning.drop_task(tasks["too hard"], "No buyer came to Muheza this season.")
    spies = planning.plan_for(small.spies, small.second)
    planning.add_task(spies, title="Rice prices in Babati", owner=small.spy.person,
                      due=D(2003, 9, 1))
    planning.plan_for(small.growers, small.second)  # a plan with no task yet
    return small


def test_each_task_counts_once_and_the_figures_add_up(small: Small) -> None:
    rows = [row.as_item() for row in board(small.alliance, TODAY)]
    assert rows == [
        {"partner": "Kilulu Orange Growers", "cycle": 1, "agreed": 7, "on_time": 2, "late": 2,
         "dropped": 1, "open": 2},
        {"partner": "Babati Market Spies", "cycle": 2, "agreed": 1, "on_time": 0, "late": 0,
         "dropped": 0, "open": 1},
        {"partner": "Kilulu Orange Growers", "cycle": 2, "agreed": 0, "on_time": 0, "late": 0,
         "dropped": 0, "open": 0}]
    later = {(r.partner.pk, r.cycle.number): r for r in board(small.alliance, D(2003, 9, 2))}
    assert later[(small.spies.pk, 2)].late == 1 and later[(small.spies.pk, 2)].open == 0
    assert later[(small.growers.pk, 1)].late == 4  # the open ones are now late too


def test_the_board_is_one_query(small: Small, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        board(small.alliance, TODAY)


def test_the_api_gives_insiders_the_board_and_anyone_else_a_404(
        small: Small, outsider: User) -> None:
    url = "/api/alliances/tanga-oranges/accountability"
    assert Client().get(url).status_code == 404
    assert signed_in(outsider).get(url).status_code == 404
    for user in (small.coordinator, small.spy):
        items = signed_in(user).get(url).json()["items"]
        assert {(i["partner"], i["cycle"], i["agreed"]) for i in items} == {
            ("Kilulu Orange Growers", 1, 7), ("Babati Market Spies", 2, 1),
            ("Kilulu Orange Growers", 2, 0)}
        first = next(i for i in items if i["cycle"] == 1)
        assert first["on_time"] + first["late"] + first["dropped"] + first["open"] == 7


def test_a_public_alliance_still_keeps_its_board_to_insiders(small: Small,
                                                             outsider: User) -> None:
    small.alliance.visibility = "public"
    small.alliance.save()
    assert Client().get("/api/alliances/tanga-oranges").status_code == 200
    assert Client().get("/api/alliances/tanga-oranges/accountability").status_code == 404
    assert Client().get("/alliances/tanga-oranges/accountability/").status_code == 404
    page = Client().get("/alliances/tanga-oranges/").content.decode()
    assert "Accountability board" not in page
    assert "Accountability board" in signed_in(small.grower).get(
        "/alliances/tanga-oranges/").content.decode()


def test_the_board_page_and_the_spreadsheet_show_the_same_figures(small: Small) -> None:
    page = signed_in(small.coordinator).get("/alliances/tanga-oranges/accountability/")
    assert page.status_code == 200
    assert "Kilulu Orange Growers" in page.content.decode()
    export = signed_in(small.coordinator).get("/alliances/tanga-oranges/export.xlsx")
    assert export.status_code == 200
    book = load_workbook(io.BytesIO(export.content))
    sheet = book["Accountability"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Cycle", "Partner", "Agreed", "On time", "Late", "Dropped", "Open")
    assert rows[1][:3] == (1, "Kilulu Orange Growers", 7)
    assert sum(1 for _row in book["Tasks"].iter_rows()) == 1 + 8
    assert "Learning spaces" in book.sheetnames
