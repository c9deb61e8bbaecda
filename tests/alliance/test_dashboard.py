"""The alliance's dashboard, printable report and spreadsheet, and the cycles they are built on."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from learnlink.alliance.models import Alliance, Cycle, Stage, Visibility
from learnlink.alliance.overview import current_cycle
from tests.alliance.conftest import sign_in

pytestmark = pytest.mark.django_db

COUNTRIES = ["Burundi", "Eritrea", "Ethiopia", "Kenya", "Madagascar", "Rwanda", "Sudan",
             "Tanzania", "Uganda"]


def test_the_demo_alliance_has_nine_country_teams_and_four_cycles(demo: Alliance) -> None:
    teams = demo.partners.filter(role="country_team").order_by("country__name")
    assert [team.country.name for team in teams] == COUNTRIES
    assert [(c.number, c.start, c.end) for c in demo.cycles.all()][::3] == [
        (1, datetime.date(2003, 3, 1), datetime.date(2003, 7, 31)),
        (4, datetime.date(2004, 6, 1), datetime.date(2004, 10, 31))]
    assert demo.participants.filter(role="implementer").count() == 9


def test_anyone_reads_a_public_dashboard_but_only_insiders_get_the_spreadsheet(
        demo: Alliance) -> None:
    page = Client().get("/alliances/ciat-crs-east-africa/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Rural communities in nine countries" in text
    assert "CRS Madagascar" in text
    assert "Sends a team of three" not in text  # responsibilities are for insiders
    assert Client().get("/alliances/ciat-crs-east-africa/export.xlsx").status_code == 404
    assert "Exchange between learning spaces" not in text, "its group is for its partners"
    insider = sign_in("peter.kilonzo@example.org").get("/alliances/ciat-crs-east-africa/")
    assert "Sends a team of three" in insider.content.decode()
    assert 'href="/groups/ciat-crs-alliance/"' in insider.content.decode()


def test_a_private_alliance_does_not_exist_for_a_guest(demo: Alliance) -> None:
    demo.visibility = Visibility.PRIVATE
    demo.save()
    assert Client().get("/alliances/ciat-crs-east-africa/").status_code == 404
    assert "CIAT–CRS" not in Client().get("/alliances/").content.decode()
    assert sign_in("almaz.tadesse@example.org").get(
        "/alliances/ciat-crs-east-africa/").status_code == 200


def test_the_current_cycle_is_the_one_running_today_or_the_nearest(demo: Alliance) -> None:
    assert current_cycle(demo, datetime.date(2003, 9, 1)).number == 2
    assert current_cycle(demo, datetime.date(2002, 1, 1)).number == 1
    assert current_cycle(demo, datetime.date(2026, 1, 1)).number == 4


def test_a_cycle_that_overlaps_another_is_refused_saying_which(demo: Alliance) -> None:
    """In the model, and on the page where a coordinator plans the next cycle."""
    cycle = Cycle(alliance=demo, number=5, start=datetime.date(2004, 10, 1),
                  end=datetime.date(2005, 3, 31))
    with pytest.raises(ValidationError, match=r"overlap cycle 4 \(1 Jun 2004 to 31 Oct 2004\)"):
        cycle.full_clean()
    stage = Stage(cycle=demo.cycles.get(number=1), step="practice",
                  start=datetime.date(2003, 3, 15), end=datetime.date(2003, 8, 30))
    with pytest.raises(ValidationError, match="within its cycle, 1 Mar 2003 to 31 Jul 2003"):
        stage.full_clean()

    base = "/alliances/ciat-crs-east-africa/cycles/new/"
    assert sign_in("peter.kilonzo@example.org").get(base).status_code == 404
    annet = sign_in("annet.kyomuhendo@example.org")
    refused = annet.post(base, {"theme": "Scaling up", "start": "2004-10-15",
                                "end": "2005-03-31"})
    assert "These dates overlap cycle 4" in refused.content.decode()
    assert not demo.cycles.filter(number=5).exists()
    made = annet.post(base, {"theme": "Scaling up", "start": "2004-11-01", "end": "2005-03-31"})
    assert made["Location"] == "/alliances/ciat-crs-east-africa/cycles/5/"
    assert demo.cycles.get(number=5).theme == "Scaling up"


def test_the_export_opens_with_the_partners_and_cycles(demo: Alliance, tmp_path: Path) -> None:
    target = tmp_path / "alliance.xlsx"
    call_command("export_alliance", "ciat-crs-east-africa", str(target), stdout=io.StringIO())
    book = load_workbook(target)
    assert book.sheetnames[:3] == ["Alliance", "Partners", "Cycles"]
    partners = [row[0] for row in book["Partners"].iter_rows(min_row=2, values_only=True)]
    assert len(partners) == 11 and "CRS Sudan" in partners
    downloaded = sign_in("annet.kyomuhendo@example.org").get(
        "/alliances/ciat-crs-east-africa/export.xlsx")
    assert load_workbook(io.BytesIO(downloaded.content))["Alliance"]["B2"].value == demo.name


def test_the_printable_report_has_no_navigation_or_forms(demo: Alliance) -> None:
    page = Client().get("/alliances/ciat-crs-east-africa/report/").content.decode()
    assert "<nav" not in page and "<form" not in page
    assert "Cycle 3" in page and "Intervening in the market chain" in page
