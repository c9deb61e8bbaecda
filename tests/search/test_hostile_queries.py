"""Whatever a person types, or an email carries, into the search box, the search answers."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnlink.search.engine import index_documents, search
from learnlink.search.query import parse_query
from tests.search.documents import KILULU, document

SYNTAX = [*'"*:-+^()[]{}<>!&|~\'\\.,;%_ \t\n\x00', "NEAR", "AND", "OR", "NOT", "NEAR/2", "é",
          "warehouse", "maize"]
QUERIES = st.one_of(st.text(), st.lists(st.sampled_from(SYNTAX), max_size=30).map("".join))


@pytest.mark.django_db
def test_no_query_causes_an_error():
    index_documents([document(1, "Warehouse maize", "NEAR the (warehouse): \"maize\" - OR *")])

    @settings(max_examples=400, deadline=None)
    @given(query=QUERIES, sender=QUERIES)
    def answers(query: str, sender: str) -> None:
        results = search(query, group_ids={KILULU}, sender=sender,
                         since=datetime.date(2000, 1, 1))
        assert results.total == len(results.hits)

    answers()


@pytest.mark.django_db
def test_any_text_can_be_indexed():
    @settings(max_examples=100, deadline=None)
    @given(body=st.text())
    def indexed(body: str) -> None:
        index_documents([document(1, body, body)])

    indexed()


@pytest.mark.django_db
def test_the_words_of_a_latin_text_find_it():
    # Latin letters only: SQLite's tokenizer knows Unicode 6.1, Python a newer version, and the
    # two disagree about letters added since.
    @settings(max_examples=100, deadline=None)
    @given(body=st.text(st.characters(max_codepoint=0x24F, exclude_characters="\x00")))
    def found(body: str) -> None:
        index_documents([document(1, "", body)])
        if parse_query(body).terms:
            assert search(body, group_ids={KILULU}).total == 1

    found()
