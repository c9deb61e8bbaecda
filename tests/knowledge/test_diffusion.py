"""A practice's origin and adoptions: what is refused, and what the API and the drawings get."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from learnlink.knowledge.journeys import (
    Places,
    countries,
    diffusion_of,
    record_adoption,
    record_origin,
)
from learnlink.knowledge.models import Adoption


def test_an_adoption_before_the_origin_is_refused_with_the_origin_s_date(network, published):
    with pytest.raises(ValidationError) as refused:
        record_adoption(Adoption(practice=published, organisation=network["spies"],
                                 date=datetime.date(2002, 1, 1), status="adopted",
                                 channel="visit"))

    assert "cannot come before its origin" in str(refused.value.message_dict["date"])
    assert published.adoptions.count() == 2


def test_an_origin_moved_after_an_adoption_is_refused(published):
    origin = published.origin
    origin.date = datetime.date(2005, 6, 1)

    with pytest.raises(ValidationError) as refused:
        record_origin(origin)
    assert "Babati Market Spies took this practice up on" in str(refused.value)


def test_a_learned_from_cycle_is_refused(published):
    spies, growers = published.adoptions.order_by("date")
    assert growers.learned_from == spies
    spies.learned_from = growers

    with pytest.raises(ValidationError) as refused:
        record_adoption(spies)
    assert "That would make a circle" in str(refused.value.message_dict["learned_from"])
    spies.refresh_from_db()
    assert spies.learned_from is None


def test_learned_from_stays_within_the_practice(network, published, draft):
    with pytest.raises(ValidationError):
        record_adoption(Adoption(practice=draft, organisation=network["growers"],
                                 date=datetime.date(2007, 1, 1), status="trying",
                                 channel="thread", learned_from=published.adoptions.first()))


def test_the_drawings_get_places_with_countries_and_coordinates(network, published,
                                                                django_assert_max_num_queries):
    network["babati"].latitude, network["babati"].longitude = -4.2167, 35.75
    network["babati"].save()

    with django_assert_max_num_queries(3):
        found = diffusion_of(published)

    assert found.origin.organisation == "Muheza Fruit Growers Association"
    spies, growers = found.adoptions
    assert spies.place == "Babati" and spies.country == "Tanzania"
    assert (spies.latitude, spies.longitude) == (-4.2167, 35.75)
    assert growers.learned_from == spies.key and spies.learned_from is None
    assert countries(found) == {"Tanzania"}
    assert Places().full_name(network["muheza"].pk) == "Muheza, Tanga, Tanzania"


def test_the_api_lists_practices_by_filter(client, network, published, draft):
    items = client.get("/api/practices", {"enterprise": "oranges", "lang": "en"}).json()["items"]

    assert items == [{"id": published.pk, "title": published.title, "enterprises": ["oranges"],
                      "themes": ["brokering-deals-with-buyers"], "place": "Muheza",
                      "country": "Tanzania", "language": "en"}]
    assert client.get("/api/practices", {"place": network["babati"].pk}).json()["items"] == []
    every = client.get("/api/practices?enterprise=&theme=&place=&lang=").json()["items"]
    assert [item["id"] for item in every] == [published.pk]


def test_the_api_gives_a_practice_s_diffusion_and_hides_a_draft(client, published, draft):
    found = client.get(f"/api/practices/{published.pk}/diffusion").json()

    assert found["origin"] == {"organisation": "Muheza Fruit Growers Association",
                               "place": "Muheza", "country": "Tanzania", "date": "2003-06-01"}
    assert found["adoptions"][0] == {
        "organisation": "Babati Market Spies", "place": "Babati", "country": "Tanzania",
        "date": "2005-03-01", "status": "adapted", "channel": "thread",
        "adaptation": "Rice graded by variety."}
    assert client.get(f"/api/practices/{draft.pk}/diffusion").status_code == 404
