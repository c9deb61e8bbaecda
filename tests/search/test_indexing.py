"""The index follows the archive: a message indexed again is replaced, a removed one is gone."""

import pytest

from learnlink.search.engine import index_documents, remove_documents, search
from learnlink.search.models import SearchDocument
from tests.search.documents import BABATI, KILULU, document

pytestmark = pytest.mark.django_db


def found(query: str) -> list[int]:
    return [hit.object_id for hit in search(query, group_ids={KILULU, BABATI}).hits]


def test_indexing_a_message_again_replaces_it():
    index_documents([document(1, "Pepper", "Black pepper dries in the sun.")])
    index_documents([document(1, "Pepper", "Black pepper dries on raised racks.",
                              group_id=BABATI)])

    assert found("sun") == []
    assert found("racks") == [1]
    assert search("racks", group_ids={KILULU}).total == 0, "the new group counts"
    assert SearchDocument.objects.count() == 1


def test_a_removed_message_is_no_longer_found():
    index_documents([document(1, "Pepper", "Black pepper."), document(2, "Pepper", "Pepper.")])

    remove_documents([1, 99])

    assert found("pepper") == [2]


def test_many_documents_are_indexed_in_one_call_and_counted():
    index_documents(document(n, "Maize", f"Maize harvest note {n}.") for n in range(1, 2501))

    results = search("maize", group_ids={KILULU}, limit=20, offset=40)

    assert (results.total, results.total_capped, results.total_display) == (1000, True, "1000+")
    assert len(results.hits) == 20


def test_the_total_is_exact_below_the_cap_and_pages_follow_each_other():
    index_documents(document(n, "Maize", f"Maize harvest note {n}.") for n in range(1, 26))

    first = search("maize", group_ids={KILULU}, limit=10)
    last = search("maize", group_ids={KILULU}, limit=10, offset=20)

    assert (first.total, last.total, first.total_capped) == (25, 25, False)
    assert len(last.hits) == 5
    pages = [search("maize", group_ids={KILULU}, limit=10, offset=o).hits for o in (0, 10, 20)]
    assert len({hit.object_id for page in pages for hit in page}) == 25


def test_a_query_without_words_finds_nothing():
    index_documents([document(1, "Maize", "Maize.")])

    assert search(' " * - ( ', group_ids={KILULU}).total == 0


def test_a_page_beyond_what_a_search_may_ask_for_is_refused():
    with pytest.raises(ValueError, match="limit"):
        search("maize", group_ids={KILULU}, limit=500)
