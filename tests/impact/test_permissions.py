"""Who sees and who changes an alliance's impact: a private alliance's figures do not exist for
a guest or an outsider (404, on every page, export and the API); its people read them;
recording sales is for its insiders, importing and weights for its coordinators."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from learnlink.alliance.models import Alliance, Visibility
from tests.conftest import make_member
from tests.impact.conftest import signed_in

pytestmark = pytest.mark.django_db

READ = ["", "products/", "gender/", "buyers/", "print/", "impact.csv", "impact.xlsx"]
COORDINATE = ["import/", "import/template.xlsx", "conversions/"]


@pytest.fixture
def private(kenya: Alliance) -> Alliance:
    kenya.visibility = Visibility.PRIVATE
    kenya.save(update_fields=["visibility"])
    return kenya


def url(path: str) -> str:
    return f"/impact/ciat-crs-east-africa/{path}"


def test_a_private_alliances_impact_is_not_found_by_a_guest_or_an_outsider(
        private: Alliance, outsider: User) -> None:
    for client in (Client(), signed_in(outsider)):
        for path in [*READ, "sales/new/", *COORDINATE]:
            assert client.get(url(path)).status_code == 404, path
        assert client.get("/api/alliances/ciat-crs-east-africa/impact").status_code == 404


def test_a_partners_person_reads_a_private_alliances_impact_and_records_sales(
        private: Alliance) -> None:
    crs = make_member("learner", "Mary Atieno", "mary@example.org")
    crs.person.affiliations.create(organisation=private.partners.get().organisation)
    client = signed_in(crs)
    for path in READ:
        assert client.get(url(path)).status_code == 200, path
    assert client.get("/api/alliances/ciat-crs-east-africa/impact").json()["totals"][
        "value_usd"] == 140653
    assert client.get(url("sales/new/")).status_code == 200
    for path in COORDINATE:
        assert client.get(url(path)).status_code == 404, path


def test_a_public_alliances_impact_is_read_by_anyone_and_changed_by_its_coordinators(
        kenya: Alliance, kenya_coordinator: User) -> None:
    for path in READ:
        assert Client().get(url(path)).status_code == 200, path
    assert Client().get(url("sales/new/")).status_code == 404
    for path in COORDINATE:
        assert signed_in(kenya_coordinator).get(url(path)).status_code == 200, path


def test_impact_pages_are_light_and_have_no_script(kenya: Alliance,
                                                   kenya_coordinator: User) -> None:
    client = signed_in(kenya_coordinator)
    for path in ["", "products/", "gender/", "buyers/", "print/", "sales/new/", "import/",
                 "conversions/"]:
        page = client.get(url(path))
        assert page.status_code == 200
        assert len(page.content) < 50_000, path
        assert b"<script" not in page.content and b"@font-face" not in page.content


def test_the_report_makes_a_fixed_number_of_queries(kenya: Alliance,
                                                    django_assert_max_num_queries) -> None:
    with django_assert_max_num_queries(12):
        assert Client().get(url("")).status_code == 200
