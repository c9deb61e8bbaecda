"""Reading a question: its asking words out, its words searched in all their forms, its
language told apart."""

import pytest

from learnlink.mentoring.peers.question import MOST_WORDS, read_question


@pytest.mark.parametrize(("asked", "language", "searched"), [
    ("Who has done warehouse receipts?", "en", "warehous* receipt*"),
    ("nani amefanya stakabadhi ghalani?", "sw", "stakabadhi* ghala*"),
    ("Qui a fait des récépissés d'entrepôt ?", "fr", "recepiss* entrepot*"),
    ("Who has brokered deals?", "en", "broker* deal*"),
    ("Nani ana uzoefu wa mashushushu wa masoko?", "sw",
     "mashushushu* shushushu* masoko* soko*"),
])
def test_the_asking_words_go_and_each_word_is_searched_in_all_its_forms(asked, language,
                                                                        searched):
    question = read_question(asked)
    assert (question.language, question.search_text) == (language, searched)


def test_a_stem_is_a_prefix_of_the_word_so_the_word_itself_is_always_found():
    for word in ("receipts", "spies", "oranges", "ghalani", "récépissés", "brokering", "tea"):
        [term] = read_question(word).terms
        assert term.matches(term.word), word


def test_a_question_of_only_asking_words_has_nothing_to_search():
    for asked in ("Who has done it?", "nani amefanya?", "qui a fait ?", "", "???"):
        assert read_question(asked).terms == (), asked


def test_a_very_long_question_keeps_its_first_words_and_says_so():
    question = read_question("who has done " + " ".join(f"crop{n}" for n in range(500)))
    assert len(question.terms) == MOST_WORDS and question.cut
    assert question.terms[0].word == "crop0"
    assert not read_question("who has done warehouse receipts?").cut
