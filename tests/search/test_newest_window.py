"""A common word is ranked among exactly its newest matches, however the engine finds them.

PostgreSQL reads only a range of the newest documents when its planner expects many matches,
and searches again without the range when the range held too few; these tests make the window
small so that a few documents are "many".
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learnlink.search.backends import base
from learnlink.search.documents import Document
from learnlink.search.engine import index_documents, search, update_statistics
from tests.search.documents import KILULU, document

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql",
                                   reason="only PostgreSQL plans by statistics")


@pytest.fixture(autouse=True)
def _small_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "RANK_WINDOW", 4)


def newest_matches(query: str) -> tuple[int, list[int]]:
    results = search(query, group_ids={KILULU}, limit=10)
    return results.total, sorted(hit.object_id for hit in results.hits)


def test_a_common_word_ranks_exactly_its_newest_matches():
    index_documents(document(n, "Maize", f"Maize note {n}.") for n in range(1, 61))
    update_statistics()

    assert newest_matches("maize") == (4, [57, 58, 59, 60])


def test_a_word_the_newest_messages_lack_still_ranks_its_newest_matches():
    index_documents(older_maize_newer_beans())
    update_statistics()

    assert newest_matches("maize") == (4, [37, 38, 39, 40])


@on_postgresql
def test_postgresql_reads_a_range_of_the_newest_ids_and_widens_it_when_it_held_too_few():
    index_documents([*older_maize_newer_beans(), document(61, "Cassava", "Cassava.")])
    update_statistics()

    assert ranked_statements("beans") == ["range"]
    assert ranked_statements("maize") == ["range", "everything"]
    assert ranked_statements("cassava") == ["everything"], "few matches: no range"


def older_maize_newer_beans() -> list[Document]:
    return [*(document(n, "Maize", f"Maize note {n}.") for n in range(1, 41)),
            *(document(n, "Beans", f"Bean note {n}.") for n in range(41, 61))]


def ranked_statements(query: str) -> list[str]:
    """What each statement that ranked read: a range of the newest ids, or everything."""
    with CaptureQueriesContext(connection) as captured:
        search(query, group_ids={KILULU})
    return ["range" if "d.id >= " in statement["sql"] else "everything"
            for statement in captured.captured_queries if "WITH newest" in statement["sql"]]
