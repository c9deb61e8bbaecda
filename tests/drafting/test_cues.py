"""Questions, plans and figures are read in the three languages of the network. The English and
Kiswahili sentences are the demo network's own (its group discussions); the demo has no French
discussion yet, so the French ones are written here as a Burundian or Congolese group writes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from learnlink.drafting.cues import figures, is_plan, is_question
from learnlink.drafting.drafts import Post
from learnlink.drafting.synthesis import synthesise


@pytest.mark.parametrize("sentence", [
    "Who decides when to sell?",
    "Mnunuzi wa kwanza mlimwamini vipi, kabla hamjamjua?",
    "Comment faites-vous pour garder les haricots secs ?",
    "I'm curious if this is expected behavior (i.e., notmuch does not work with Maildir).",
    "Tungependa kujua jinsi mnavyohifadhi unga wa moringa.",
    "Nous aimerions savoir combien vous payez pour le stockage.",
])
def test_questions_are_found_by_their_mark_or_by_the_words_that_ask(sentence: str) -> None:
    assert is_question(sentence)
    assert not is_plan(sentence)


@pytest.mark.parametrize("sentence", [
    "We will try it there.",
    "Kuhusu mvua, tutajaribu kuweka paa dogo la bati juu ya ubao wa Magugu.",
    "Nitakutumia bei kwa SMS siku ile ile tunapoandika ubao.",
    "Kabla mnunuzi hajafika tulikaa kikao cha wanachama tukakubaliana bei ya chini ambayo "
    "hatutashuka chini yake.",
    "Msimu ujao tunataka kuwa na mizani yetu na kupima kabla lori halijafika.",
    "Nous allons stocker les haricots dans le magasin de la coopérative.",
    "Nous vendrons ensemble après la récolte.",
    "Thank you John, we will add the drying and packing dates to the book.",
])
def test_plans_are_found_in_english_kiswahili_and_french(sentence: str) -> None:
    assert is_plan(sentence)


@pytest.mark.parametrize("sentence", [
    "Mifuko inakaa gizani mpaka ijae weupe, kisha tunatoboa matundu na uyoga unaota.",
    "Les commerçants paient plus tard dans l'année.",
    "The maize stays there and she can wait.",
])
def test_a_statement_is_neither_a_question_nor_a_plan(sentence: str) -> None:
    assert not is_question(sentence) and not is_plan(sentence)


@pytest.mark.parametrize(("sentence", "found"), [
    ("Wanachama 45 waliuza magunia 120 kwa shilingi 35,000 kila gunia.",
     [("Wanachama 45", "people"), ("magunia 120", "weight"), ("shilingi 35,000", "money")]),
    ("Bei ya kilo ni shilingi mia tano, asilimia 20 zaidi ya mwaka jana.",
     [("shilingi mia tano", "money"), ("asilimia 20", "share")]),
    ("Nous avons vendu 3 tonnes de haricots à 450 FBu le kilo.",
     [("3 tonnes", "weight"), ("450 FBu", "money")]),
    ("Le groupement compte 1 200 membres sur 35 ha.",
     [("1 200 membres", "people"), ("35 ha", "area")]),
    ("In 2004 the 40 women farmers sold 2.5 t at TSh 500 a kilo.",
     [("40 women farmers", "people"), ("2.5 t", "weight"), ("TSh 500", "money")]),
])
def test_figures_are_found_with_what_they_count(sentence: str,
                                               found: list[tuple[str, str]]) -> None:
    assert [(figure.text, figure.kind) for figure in figures(sentence)] == found


def test_a_year_or_a_date_is_not_a_figure() -> None:
    assert figures("On 10/02/2004 at 11:20, in 2003, members met.") == []


def french(number: int, author: str, text: str) -> Post:
    return Post(f"fr-{number}@example.org", author, text,
                date=datetime(2005, 3, number, 9, 0, tzinfo=UTC),
                in_reply_to=f"fr-{number - 1}@example.org" if number > 1 else "")


def test_a_french_thread_gives_its_figures_as_points_and_its_plan_as_where_it_stands() -> None:
    posts = [
        french(1, "claver@example.org",
               "Bonjour à tous,\n\nÀ Ngozi, notre coopérative de 120 membres a récolté 3 tonnes "
               "de haricots cette saison.\nLes commerçants venus au village ne proposent que "
               "300 FBu le kilo.\n\nComment les autres groupes gardent-ils les haricots "
               "jusqu'à ce que les prix montent ?\n\nClaver Ndayishimiye\n"
               "Coopérative Twiyungunganye"),
        french(2, "imelda@example.org",
               "À Gitega nous stockons les haricots dans le magasin de la commune, traités "
               "contre les charançons.\nEn novembre le prix est monté à 450 FBu le kilo, soit "
               "50 % de plus qu'à la récolte.\n\nImelda"),
        french(3, "claver@example.org",
               "Merci Imelda.\n\nNous allons louer une partie du magasin de la commune et "
               "vendre ensemble en novembre.\n\nClaver"),
    ]
    draft = synthesise(posts)
    learned = {point.text: point.message_id for point in draft.learned}
    assert learned["En novembre le prix est monté à 450 FBu le kilo, soit 50 % de plus qu'à "
                   "la récolte."] == "fr-2@example.org"
    assert any("120 membres" in text for text in learned)
    assert draft.standing == ("Nous allons louer une partie du magasin de la commune et vendre "
                              "ensemble en novembre.")
    assert [(q.text, q.answered) for q in draft.next_questions] == [
        ("Comment les autres groupes gardent-ils les haricots jusqu'à ce que les prix "
         "montent ?", True)]
