"""Each demo district falls inside its own country's outline, so a map places every origin and
adopter where a reader expects it; water and the world beyond the map belong to no country."""

import csv
from pathlib import Path

import pytest

import learnlink.people
from learnlink.knowledge.maps import country_at
from learnlink.knowledge.maps.districts import districts

DEMO = Path(learnlink.people.__file__).with_name("demo")
COUNTRIES = ("Tanzania", "Kenya", "Uganda")


def _demo_districts() -> set[str]:
    """Every "Country / Region / District" that the demo directory's people and organisations
    name, cut to the district when a village follows."""
    found = set()
    for name in ("organisations.csv", "people.csv"):
        with (DEMO / name).open(encoding="utf-8", newline="") as rows:
            for row in csv.reader(rows):
                for cell in row:
                    parts = cell.split(" / ")
                    if parts[0] in COUNTRIES and len(parts) >= 3:
                        found.add(" / ".join(parts[:3]))
    return found


def test_every_demo_district_has_a_point() -> None:
    assert _demo_districts() <= {district.place for district in districts()}


@pytest.mark.parametrize("district", districts(), ids=lambda d: d.place)
def test_each_district_lies_in_its_own_country(district) -> None:
    assert country_at(district.latitude, district.longitude) == district.country


@pytest.mark.parametrize(("latitude", "longitude", "country"), [
    (-5.1667, 38.7833, "Tanzania"),  # Muheza
    (1.7146, 33.6111, "Uganda"),  # Soroti
    (-0.4201, 36.9476, "Kenya"),  # Nyeri
    (-1.95, 30.06, "Rwanda"),  # Kigali
    (-15.79, 35.01, "Malawi"),  # Blantyre
])
def test_a_town_is_in_its_country(latitude, longitude, country) -> None:
    assert country_at(latitude, longitude) == country


@pytest.mark.parametrize(("latitude", "longitude"), [
    (-1.0, 33.0),  # Lake Victoria, whose waters the three countries' outlines share
    (-6.5, 29.8),  # Lake Tanganyika
    (-11.5, 34.6),  # Lake Malawi
    (-5.0, 45.0),  # the Indian Ocean
    (6.5, 3.4),  # Lagos, off the map
])
def test_water_and_places_off_the_map_are_in_no_country(latitude, longitude) -> None:
    assert country_at(latitude, longitude) is None
