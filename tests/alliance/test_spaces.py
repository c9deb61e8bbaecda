"""Learning spaces and the guides library: dates inside the cycle, attendance recorded by
coordinators and facilitators, private alliances' spaces hidden, guides public, documents
always downloads."""

from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from learnlink.alliance.models import GuideDocument, LearningSpace
from learnlink.alliance.planning import actions as planning
from tests.alliance.teams import D, Small, make_small, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(network: dict[str, Any]) -> Small:
    return make_small(network)


def test_a_space_outside_its_cycle_is_refused_saying_what_to_fix(small: Small) -> None:
    page = signed_in(small.coordinator).post("/alliances/tanga-oranges/cycles/1/spaces/new/", {
        "kind": "workshop", "title": "Buyers' day", "start": "2003-07-30", "end": "2003-08-02"})
    assert page.status_code == 400
    assert ("A learning space of cycle 1 must fall within it, 1 Mar 2003 to 31 Jul 2003: "
            "change its dates or choose another cycle.") in page.content.decode().replace(
                "&#x27;", "'")
    assert not LearningSpace.objects.exists()


def test_only_coordinators_plan_spaces(small: Small) -> None:
    data = {"kind": "workshop", "title": "Buyers' day", "start": "2003-05-02",
            "end": "2003-05-02"}
    url = "/alliances/tanga-oranges/cycles/1/spaces/new/"
    assert signed_in(small.grower).post(url, data).status_code == 404
    assert signed_in(small.coordinator).post(url, data).status_code == 302
    space = LearningSpace.objects.get()
    assert (space.title, space.days, space.cycle) == ("Buyers' day", 1, small.first)


def test_attendance_is_recorded_by_coordinators_and_the_spaces_facilitators(
        small: Small, outsider: Any) -> None:
    space = LearningSpace.objects.create(cycle=small.first, kind="workshop", title="Grading",
                                         start=D(2003, 5, 2), end=D(2003, 5, 3))
    url = f"/alliances/tanga-oranges/spaces/{space.pk}/attendance/"
    halima, juma = small.grower.person, small.spy.person
    assert signed_in(small.grower).get(url).status_code == 404
    space.facilitators.add(halima)
    assert signed_in(small.grower).post(url, {"invited": [halima.pk, juma.pk],
                                              "attended": [halima.pk]}).status_code == 302
    rows = {a.person.name: (a.attended, a.partner) for a in space.attendance.all()}
    assert rows == {"Halima Omari": (True, small.growers),
                    "Juma Bakari": (False, small.spies)}
    page = signed_in(small.spy).get(f"/alliances/tanga-oranges/spaces/{space.pk}/")
    assert "Juma Bakari" in page.content.decode()
    for client in (Client(), signed_in(outsider)):
        assert client.get(f"/alliances/tanga-oranges/spaces/{space.pk}/").status_code == 404


def test_a_public_alliances_space_shows_no_names_to_the_public(small: Small) -> None:
    small.alliance.visibility = "public"
    small.alliance.save()
    space = LearningSpace.objects.create(cycle=small.first, kind="field_visit",
                                         title="Visit to Kilulu", start=D(2003, 5, 2),
                                         end=D(2003, 5, 2))
    planning.record_attendance(space, [small.spy.person], [small.spy.person])
    text = Client().get(f"/alliances/tanga-oranges/spaces/{space.pk}/").content.decode()
    assert "Visit to Kilulu" in text and "Juma Bakari" not in text
    cycle = Client().get("/alliances/tanga-oranges/cycles/1/").content.decode()
    assert "Visit to Kilulu" in cycle and "Action plans" not in cycle


def test_the_cycle_page_makes_a_bounded_number_of_queries(
        small: Small, django_assert_max_num_queries: Any) -> None:
    for day in range(2, 12):
        space = LearningSpace.objects.create(cycle=small.first, kind="workshop",
                                             title=f"Day {day}", start=D(2003, 5, day),
                                             end=D(2003, 5, day))
        space.facilitators.add(small.coordinator.person)
    for partner in (small.growers, small.spies):
        plan = planning.plan_for(partner, small.first)
        for day in range(1, 6):
            planning.add_task(plan, title=f"Task {day}", owner=small.grower.person,
                              due=D(2003, 6, day))
    client = signed_in(small.coordinator)
    with django_assert_max_num_queries(20):
        assert client.get("/alliances/tanga-oranges/cycles/1/").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(
            f"/alliances/tanga-oranges/cycles/1/plans/{small.growers.pk}/").status_code == 200


def test_the_guides_library_is_public_and_documents_are_downloads(
        small: Small, settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    step = small.guide.steps.get(number=2)
    document = GuideDocument(guide=small.guide, step=step, title="Buyer interview form")
    document.file.save("buyers.html", ContentFile(b"<script>alert(1)</script>"))
    listing = Client().get("/alliances/guides/").content.decode()
    assert "Selling together" in listing and "3 steps" in listing
    page = Client().get("/alliances/guides/selling-together/").content.decode()
    assert "Find buyers" in page and "Buyer interview form" in page
    response = Client().get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"  # type: ignore[attr-defined]
    assert Client().get(f"/alliances/guides/selling-together/documents/{document.pk}/x.pdf"
                        ).status_code == 200
    assert Client().get("/alliances/guides/nothing/").status_code == 404
