"""Reading a question: its asking words out, its words searched in all their forms, its
language told apart."""

import pytest

from learnlink.mentoring.peers.question import MOST_WORDS, read_question


@pytest.mark.parametrize(("asked", "language", "searched"), [
    ("Who has done warehouse receipts?", "en", "warehouse receipts warehouses receipt"),
    ("nani amefanya stakabadhi ghalani?", "sw", "stakabadhi ghalani ghala"),
    ("Qui a fait des récépissés d'entrepôt ?", "fr", "recepisses entrepot recepiss entrepots"),
    ("Who has brokered deals?", "en", "brokered deals broker deal"),
    ("Nani ana uzoefu wa mashushushu wa masoko?", "sw", "mashushushu masoko shushushu soko"),
])
def test_the_asking_words_go_and_each_word_is_searched_in_its_forms(asked, language, searched):
    assert read_question(asked).language == language
    assert read_question(asked).search_text.startswith(searched)


@pytest.mark.parametrize(("word", "forms"), [
    ("receipts", {"receipt", "receipts"}), ("spies", {"spy", "spies"}),
    ("grading", {"grade", "graded", "grades"}), ("brokered", {"broker", "brokers", "brokering"}),
    ("récépissés", {"recepisse", "recepisses"}), ("ghalani", {"ghala"}),
])
def test_a_word_is_searched_in_its_other_forms(word, forms):
    [term] = read_question(word).terms
    assert forms <= set(term.forms) and term.forms[0] == read_question(word).shown


def test_a_question_of_only_asking_words_has_nothing_to_search():
    for asked in ("Who has done it?", "nani amefanya?", "qui a fait ?", "", "???"):
        assert read_question(asked).terms == (), asked


def test_a_very_long_question_keeps_its_first_words_and_says_so():
    question = read_question("who has done " + " ".join(f"crop{n}" for n in range(500)))
    assert len(question.terms) == MOST_WORDS and question.cut
    assert question.terms[0].word == "crop0"
    assert not read_question("who has done warehouse receipts?").cut
