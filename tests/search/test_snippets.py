"""A hit shows the passage around the words searched for, as HTML and as plain text."""

import pytest

from learnlink.search.engine import index_documents, search
from learnlink.search.query import parse_query
from learnlink.search.snippets import make_snippet
from tests.search.documents import KILULU, document

LONG_BODY = ("The rains came late this year. " * 20 + "We stored the maize in the warehouse. "
             + "Then the buyers came. " * 20)


@pytest.mark.django_db
def test_the_snippet_marks_the_words_found():
    index_documents([document(1, "Storage", LONG_BODY)])

    hit = search("warehouse maize", group_ids={KILULU}).hits[0]

    assert "<mark>maize</mark> in the <mark>warehouse</mark>" in hit.snippet_html
    assert hit.snippet_html.startswith("…") and hit.snippet_html.endswith("…")
    assert "maize in the warehouse" in hit.snippet_text
    assert "<mark>" not in hit.snippet_text


def test_the_snippet_escapes_the_text_and_keeps_accents_as_written():
    snippet = make_snippet("<b>Le récépissé</b> & l'entrepôt", parse_query("recepisse"))

    assert snippet.html == "&lt;b&gt;Le <mark>récépissé</mark>&lt;/b&gt; &amp; l&#x27;entrepôt"
    assert snippet.text == "<b>Le récépissé</b> & l'entrepôt"


def test_a_prefix_marks_the_whole_word_and_a_word_is_not_marked_inside_another():
    snippet = make_snippet("Warehouses and a warehouseman; no housewarming.",
                           parse_query("warehou* house"))

    assert snippet.html == ("<mark>Warehouses</mark> and a <mark>warehouseman</mark>; "
                            "no housewarming.")


def test_a_text_without_the_words_shows_its_opening():
    snippet = make_snippet("Hello   all,\n\nthe meeting is on Friday.", parse_query("subject"))

    assert snippet.text == "Hello all, the meeting is on Friday."


def test_a_word_is_marked_after_the_same_letters_ended_another_word():
    snippet = make_snippet("Bananas and nas", parse_query("nas"))

    assert snippet.html == "Bananas and <mark>nas</mark>"


def test_words_are_marked_in_a_text_whose_folding_changes_its_length():
    snippet = make_snippet("Deux… récépissés, ½ sac", parse_query("recepisses sac"))

    assert snippet.html == "Deux… <mark>récépissés</mark>, ½ <mark>sac</mark>"
