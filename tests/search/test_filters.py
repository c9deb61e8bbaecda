"""A search shows only the groups the user may see, narrowed by sender and dates if asked."""

import datetime

import pytest

from learnlink.search.engine import index_documents, search
from tests.search.documents import BABATI, KILULU, PRIVATE, document

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive() -> None:
    index_documents([
        document(1, "Rice prices", "Rice sells at 1,200 a kilo.", group_id=KILULU,
                 sender="Halima Omari <halima@example.org>", day=datetime.date(2024, 1, 15)),
        document(2, "Rice prices", "Rice sells at 1,100 in Babati.", group_id=BABATI,
                 sender="Joseph Mshana <joseph.mshana@example.org>", day=datetime.date(2024, 2, 1)),
        document(3, "Rice prices", "Our private rice deal.", group_id=PRIVATE,
                 sender="Émile Ndayishimiye <emile@example.bi>", day=datetime.date(2024, 3, 1)),
    ])


def found(**filters: object) -> list[int]:
    results = search("rice", **filters)  # type: ignore[arg-type]
    return sorted(hit.object_id for hit in results.hits)


def test_only_the_groups_given_are_searched(archive):
    assert found(group_ids={KILULU, BABATI}) == [1, 2]
    assert found(group_ids={PRIVATE}) == [3]


def test_no_groups_means_nothing_not_everything(archive):
    results = search("rice", group_ids=set())

    assert (results.total, results.hits) == (0, [])


def test_the_sender_filter_matches_part_of_a_name_or_address_in_any_case(archive):
    everyone = {KILULU, BABATI, PRIVATE}

    assert found(group_ids=everyone, sender="MSHANA") == [2]
    assert found(group_ids=everyone, sender="halima@example") == [1]
    assert found(group_ids=everyone, sender="emile") == [3], "accents need not be typed"
    assert found(group_ids=everyone, sender="%") == [], "LIKE wildcards are plain characters"


def test_dates_include_both_days_given(archive):
    everyone = {KILULU, BABATI, PRIVATE}

    assert found(group_ids=everyone, since=datetime.date(2024, 2, 1)) == [2, 3]
    assert found(group_ids=everyone, until=datetime.date(2024, 2, 1)) == [1, 2]
    assert found(group_ids=everyone, since=datetime.date(2024, 1, 16),
                 until=datetime.date(2024, 2, 29)) == [2]
