"""Performance evaluation: recorded by the alliance's coordinators only, seen by them and by the
person evaluated, by nobody else (not other participants, guests, outsiders, staff as such or
the API); a trend across cycles; poor performance asks for an action."""

import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from openpyxl import load_workbook

from learnlink.alliance.evaluation.performance import record_evaluation, set_poor_below, trends
from learnlink.alliance.models import (
    Alliance,
    Criterion,
    Evaluation,
    Participant,
    PerformanceAction,
)
from learnlink.alliance.permissions import evaluated_visible_to, may_see_evaluations_of
from tests.alliance.conftest import sign_in
from tests.alliance.small import DAY, Small, client_for, small  # noqa: F401
from tests.conftest import make_member
from tests.crawling import crawl

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(small: Small) -> Small:  # noqa: F811
    """Two criteria; the implementer evaluated in both cycles, poorly in the second."""
    facilitation = Criterion.objects.create(alliance=small.alliance, name="Facilitation",
                                            order=1)
    reporting = Criterion.objects.create(alliance=small.alliance, name="Timely reporting",
                                         order=2, scale_max=10)
    ian = small.participant(small.implementer, "implementer")
    record_evaluation(small.cycle(1), ian, small.coordinator.person,
                      {facilitation: 4, reporting: 7}, "Confidential: a good start.")
    record_evaluation(small.cycle(2), ian, small.coordinator.person,
                      {facilitation: 2, reporting: 3}, "Confidential: reports missing.")
    return small


def test_only_a_coordinator_of_the_alliance_may_record_an_evaluation(scored: Small) -> None:
    ian = scored.participant(scored.implementer, "implementer")
    criterion = Criterion.objects.get(name="Facilitation")
    for evaluator in (scored.facilitator, scored.other_implementer, scored.staff,
                      scored.outsider):
        with pytest.raises(ValidationError) as refused:
            record_evaluation(scored.cycle(1), ian, evaluator.person, {criterion: 5})
        assert ("Only the coordinators of Beans Alliance may evaluate facilitators and "
                "implementers: Cora Coordinator, Sam Second.") in str(refused.value)
    cora_facilitates = Participant.objects.create(
        alliance=scored.alliance, person=scored.coordinator.person, role="facilitator")
    with pytest.raises(ValidationError, match="Nobody evaluates themselves"):
        Evaluation(cycle=scored.cycle(1), participant=cora_facilitates,
                   evaluator=scored.coordinator.person).full_clean()


def test_a_score_off_its_scale_is_refused(scored: Small) -> None:
    fiona = scored.participant(scored.facilitator, "facilitator")
    criterion = Criterion.objects.get(name="Facilitation")
    with pytest.raises(ValidationError, match="score from 1 to 5"):
        record_evaluation(scored.cycle(1), fiona, scored.coordinator.person, {criterion: 6})


def test_the_trend_averages_each_cycle_on_a_five_point_scale(scored: Small) -> None:
    ian = scored.participant(scored.implementer, "implementer")
    [trend] = trends(scored.alliance, evaluated_visible_to(scored.coordinator, scored.alliance)
                     .filter(pk=ian.pk))
    # cycle 1: 4 and 7 of 10 (= 1 + 6*4/9 = 3.67 of 5) -> 3.83; cycle 2: 2 and 3 of 10 -> 1.94
    assert [r.average for r in trend.results] == [Decimal("3.83"), Decimal("1.94")]
    assert [r.poor for r in trend.results] == [False, True]
    assert [r.cycle.number for r in trend.waiting_for_action] == [2]
    set_poor_below(scored.alliance, Decimal("4"))
    [trend] = trends(scored.alliance, evaluated_visible_to(scored.coordinator, scored.alliance)
                     .filter(pk=ian.pk))
    assert [r.poor for r in trend.results] == [True, True]


def test_evaluations_are_seen_by_coordinators_and_the_person_evaluated_only(
        scored: Small) -> None:
    alliance = scored.alliance
    ian = scored.implementer.person
    assert may_see_evaluations_of(scored.coordinator, alliance, ian)
    assert may_see_evaluations_of(scored.implementer, alliance, ian)
    for other in (scored.other_implementer, scored.facilitator, scored.outsider, scored.staff):
        assert not may_see_evaluations_of(other, alliance, ian)
    participant = scored.participant(scored.implementer, "implementer").pk
    page = f"/alliances/beans/evaluations/{participant}/"
    assert "Confidential: reports missing." in client_for(scored.coordinator).get(
        page).content.decode()
    assert "Confidential: reports missing." in client_for(scored.implementer).get(
        page).content.decode()
    for user in (None, scored.outsider, scored.other_implementer, scored.facilitator,
                 scored.staff):
        client = client_for(user)
        assert client.get(page).status_code == 404
        listing = client.get("/alliances/beans/evaluations/")
        assert listing.status_code in (200, 404)
        assert "Ian Implementer" not in listing.content.decode()
        for url in ("/alliances/beans/", "/alliances/beans/report/", "/api/alliances/beans",
                    "/api/alliances/beans/costs"):
            assert "Confidential" not in client.get(url).content.decode()
    assert client_for(None).get("/alliances/beans/evaluations/").status_code == 404


def test_a_participant_who_is_not_coordinator_is_told_who_may_evaluate(scored: Small) -> None:
    ian = scored.participant(scored.implementer, "implementer")
    url = f"/alliances/beans/evaluations/{ian.pk}/cycles/1/"
    for user in (scored.facilitator, scored.other_implementer, scored.implementer):
        refused = client_for(user).post(url, {"comment": "Excellent"})
        assert refused.status_code == 403
        assert ("Only the coordinators of Beans Alliance may evaluate facilitators and "
                "implementers: Cora Coordinator, Sam Second.") in refused.content.decode()
    assert client_for(None).get(url).status_code == 404
    assert Evaluation.objects.get(cycle__number=1, participant=ian).comment == (
        "Confidential: a good start.")


def test_the_coordinator_records_an_evaluation_and_an_action_on_the_web(scored: Small) -> None:
    cora = client_for(scored.coordinator)
    fiona = scored.participant(scored.facilitator, "facilitator")
    facilitation, reporting = Criterion.objects.order_by("order")
    form = cora.get(f"/alliances/beans/evaluations/{fiona.pk}/cycles/2/")
    assert "Timely reporting" in form.content.decode()
    saved = cora.post(f"/alliances/beans/evaluations/{fiona.pk}/cycles/2/", {
        f"score_{facilitation.pk}": "2", f"score_{reporting.pk}": "2",
        "comment": "Sessions cancelled twice."})
    assert saved.status_code == 302
    page = cora.get(saved["Location"]).content.decode()
    assert "record what will be done about it" in page
    action = cora.post(f"/alliances/beans/evaluations/{fiona.pk}/cycles/2/action/", {
        "what": "Co-facilitate the next course with Sam.", "by_whom": "Sam Second",
        "by_when": "2004-01-31", "outcome": ""})
    assert action.status_code == 302
    recorded = PerformanceAction.objects.get(evaluation__participant=fiona)
    assert (recorded.by_when, recorded.recorded_by) == (DAY(2004, 1, 31),
                                                        scored.coordinator.person)
    page = cora.get(f"/alliances/beans/evaluations/{fiona.pk}/").content.decode()
    assert "Co-facilitate the next course with Sam." in page
    assert "record what will be done about it" not in page
    listing = cora.get("/alliances/beans/evaluations/").content.decode()
    assert "Fiona Facilitator" in listing and "Ian Implementer" in listing
    assert "<svg" in listing


def test_criteria_and_the_threshold_are_set_by_coordinators(small: Small) -> None:  # noqa: F811
    cora = client_for(small.coordinator)
    assert cora.post("/alliances/beans/evaluations/criteria/", {
        "name": "Team work", "description": "Works with others.", "scale_max": "5",
        "order": "1"}).status_code == 302
    again = cora.post("/alliances/beans/evaluations/criteria/", {
        "name": "team work", "scale_max": "5", "order": "2"})
    assert "already has one by that name" in again.content.decode()
    cora.post("/alliances/beans/evaluations/threshold/", {"poor_below": "3"})
    assert small.alliance.evaluation_policy.poor_below == Decimal("3")
    assert client_for(small.facilitator).get(
        "/alliances/beans/evaluations/criteria/").status_code == 404


ALLIANCE = "/alliances/ciat-crs-east-africa/"


def test_walking_the_demo_alliance_breaks_nothing_and_shows_evaluations_only_to_whom_it_may(
        demo: Alliance, django_assert_max_num_queries: Any) -> None:
    """Tesfay's cycle 2 comment is seen by the coordinators and Tesfay, by nobody else."""
    secret = "Reports two months late"
    for address, sees in [(None, False), ("someone@example.com", False),
                          ("moses.okello@example.org", False),
                          ("jc.habimana@example.org", False),
                          ("tesfay.gebremedhin@example.org", True),
                          ("annet.kyomuhendo@example.org", True)]:
        if address == "someone@example.com":
            client = client_for(make_member(None, "Someone Else", address))
        else:
            client = sign_in(address) if address else Client()
        pages = crawl(client, ALLIANCE, lambda target: target.startswith(ALLIANCE))
        assert {url: r.status_code for url, r in pages.items() if r.status_code >= 400} == {}
        found = []
        for url, response in pages.items():
            if url.endswith(".xlsx"):  # everyone who gets the workbook gets the same one
                cells = [str(cell) for sheet in load_workbook(io.BytesIO(response.content))
                         for row in sheet.iter_rows(values_only=True) for cell in row]
                assert not any(secret in cell for cell in cells)
                continue
            if secret in response.content.decode():
                found.append(url)
            if "/alliances/" in url:
                assert len(response.content) <= 50_000, url
        assert bool(found) == sees, (address, found)
    annet = sign_in("annet.kyomuhendo@example.org")
    for page in ("", "costs/", "evaluations/", "cycles/1/reflection/", "cycles/3/synthesis/"):
        with django_assert_max_num_queries(25):
            annet.get(f"/alliances/ciat-crs-east-africa/{page}")
