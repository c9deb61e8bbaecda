"""Learners find messages by words, phrases and prefixes, in English, Swahili and French."""

import pytest
from django.db import connection

from learnlink.search.backends import base
from learnlink.search.engine import index_documents, search
from tests.search.documents import KILULU, document

pytestmark = pytest.mark.django_db


def found(query: str) -> list[int]:
    return [hit.object_id for hit in search(query, group_ids={KILULU}).hits]


def test_a_message_about_it_in_its_subject_ranks_above_one_that_only_mentions_it():
    index_documents([
        document(1, "Meeting on Saturday", "We will also talk about the warehouse."),
        document(2, "Warehouse receipts", "The cooperative signed up on Monday."),
    ])

    assert found("warehouse") == [2, 1]


def test_every_word_must_be_in_the_message():
    index_documents([
        document(1, "Orange prices", "Buyers from Dar pay more this season."),
        document(2, "Orange seedlings", "The nursery has grafted seedlings."),
    ])

    assert found("orange buyers") == [1]


def test_with_match_any_a_message_with_some_of_the_words_is_found_those_with_more_first():
    index_documents([
        document(1, "Orange prices", "Buyers from Dar pay more this season."),
        document(2, "Orange seedlings", "The nursery has grafted seedlings."),
        document(3, "Maize", "Nothing about either word."),
    ])

    hits = search("orange buyers", group_ids={KILULU}, match_any=True).hits
    assert [hit.object_id for hit in hits] == [1, 2]
    assert search("orange buyer*", group_ids={KILULU}, match_any=True).total == 2
    assert search("warehouse", group_ids={KILULU}, match_any=True).total == 0


def test_a_swahili_phrase_is_found_as_written():
    index_documents([
        document(1, "Soko", "Bei ya mahindi imepanda wiki hii."),
        document(2, "Soko", "Mahindi ya njano, bei nzuri."),
    ])

    assert found('"bei ya mahindi"') == [1]
    assert sorted(found("bei mahindi")) == [1, 2], "without quotes the words may be apart"


def test_french_words_are_found_without_their_accents_and_with_them():
    index_documents([document(1, "Stockage", "Le récépissé d'entrepôt permet un crédit.")])

    assert found("recepisse") == [1]
    assert found("RÉCÉPISSÉ entrepot") == [1]
    assert found('"récépissé d\'entrepôt"') == [1]


def test_a_trailing_star_finds_words_that_start_with_it():
    index_documents([
        document(1, "Stock", "Our warehouses are full."),
        document(2, "Stock", "The warehouse receipt system works."),
        document(3, "Stock", "We keep the maize at home."),
    ])

    assert sorted(found("warehou*")) == [1, 2]
    assert found("warehou") == [], "without the star a word is matched whole"


def test_a_phrase_may_end_in_a_prefix():
    index_documents([document(1, "", "The warehouse receipts arrived.")])

    assert found('"warehouse rece"*') == [1]
    assert found('"warehouse rece*"') == [1]


def test_the_sender_is_searchable_too():
    index_documents([document(1, "Prices", "Oranges sell well.", sender="Joseph Mshana <j@x.org>")])

    assert found("mshana oranges") == [1]


def test_a_word_in_very_many_messages_is_ranked_among_the_newest_only(monkeypatch):
    monkeypatch.setattr(base, "RANK_WINDOW", 3)
    index_documents([document(1, "Maize stores", "Maize keeps for a year."),
                     *(document(n, "", f"Maize note {n}.") for n in (2, 3, 4))])

    assert sorted(found("maize")) == [2, 3, 4], "the oldest is left out, best as it is"
    assert found("maize stores") == [1], "another word reaches it"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's ranking vector")
def test_on_postgresql_a_message_that_opens_with_the_word_ranks_above_a_long_one_using_it_late():
    """PostgreSQL ranks by the opening of each body (backends/postgresql.py): a long report that
    uses a word many times, but only after its first few hundred words, is still found."""
    long_report = " ".join(["Mavuno ya msimu huu yalikuwa mazuri."] * 100 + ["Maghala."] * 40)
    index_documents([
        document(1, "Ripoti ya mwaka", long_report),
        document(2, "Swali", "Maghala ya Mbeya yanapokea mahindi?"),
    ])

    assert found("maghala") == [2, 1]
