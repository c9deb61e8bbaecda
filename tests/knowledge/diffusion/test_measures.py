"""The network report: which practices travelled furthest and fastest, across how many
countries, and which channels led to adoptions."""

from __future__ import annotations

import dataclasses

import pytest

from learnlink.knowledge.diffusion import channel_counts, haversine_km, network_report, reach
from tests.knowledge.diffusion.stories import (
    BROKERING,
    MBEYA,
    SOROTI,
    STORIES,
    WAREHOUSE_RECEIPTS,
)


def test_mbeya_to_soroti_is_about_twelve_hundred_kilometres():
    # Soroti lies 10.6 degrees of latitude north of Mbeya, almost on its meridian: 111 km each.
    assert haversine_km(MBEYA, SOROTI) == pytest.approx(1181, rel=0.10)
    assert haversine_km(SOROTI, MBEYA) == pytest.approx(haversine_km(MBEYA, SOROTI))


def test_warehouse_receipts_crossed_into_uganda_at_its_speed():
    found = reach(WAREHOUSE_RECEIPTS)
    assert found.furthest == "Abuket sweet potato association"
    assert found.countries == 2
    assert (found.furthest_days, round(found.km_per_year or 0)) == (1713, 252)
    (uganda,) = found.arrivals
    assert (uganda.country, uganda.days) == ("Uganda", 1713)
    assert uganda.km_per_year == pytest.approx(1181 / (1713 / 365.25), rel=0.01)
    assert found.days_to_adoptions == (("Babati Rice Farmers' Cooperative", 807),
                                       ("Abuket sweet potato association", 1713))


def test_the_report_puts_the_furthest_travelled_first():
    report = network_report(STORIES)
    assert [(found.practice_title, round(found.furthest_km or 0, -1), found.countries)
            for found in report.reaches] == [
        ("Warehouse receipts", 1180, 2),
        ("Brokering deals with big buyers", 850, 1),
        ("Market spies", 460, 1)]


def test_at_equal_distance_the_faster_practice_comes_first():
    slower = dataclasses.replace(WAREHOUSE_RECEIPTS, practice_title="A slower copy",
                                 adoptions=tuple(dataclasses.replace(
                                     adoption, date=adoption.date.replace(year=2015))
                                     for adoption in WAREHOUSE_RECEIPTS.adoptions))
    assert [found.practice_title for found in network_report([slower, *STORIES]).reaches][:2] == [
        "Warehouse receipts", "A slower copy"]


def test_channels_count_only_adoptions_that_took_the_practice_up():
    assert channel_counts([BROKERING]) == (("introduction", 1), ("workshop", 1)), (
        "Sumbawanga is only trying it")
    assert network_report(STORIES).channels == (
        ("workshop", 2), ("introduction", 1), ("thread", 1), ("visit", 1))


def test_places_without_coordinates_are_left_out_of_distances():
    unplaced = dataclasses.replace(WAREHOUSE_RECEIPTS, adoptions=tuple(
        dataclasses.replace(adoption, latitude=None) for adoption in WAREHOUSE_RECEIPTS.adoptions))
    found = reach(unplaced)
    assert (found.furthest_km, found.furthest, found.countries) == (None, None, 2)
    assert found.arrivals[0].km_per_year is None
    assert network_report([unplaced, BROKERING]).reaches[-1].practice_title == (
        "Warehouse receipts")
