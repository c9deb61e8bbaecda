"""The baseline reads what a message is in English, Kiswahili and French, with no model."""

import pytest

from learnlink.drafting.labels import LABELS, label


@pytest.mark.parametrize(("text", "expected"), [
    ("We sold 12 tonnes of maize together to the NFRA at 250 shillings a kilo.",
     {"achievement"}),
    ("Msimu huu tumeuza tani 12 za mahindi kwa pamoja kwa NFRA.", {"achievement"}),
    ("Cette saison nous avons vendu 14 tonnes de haricots au Programme alimentaire.",
     {"achievement"}),
    ("Next season we will plant the early variety on half of the land.", {"plan"}),
    ("Wanachama wamekubaliana: tutanunua mizani yetu wenyewe kabla ya mavuno.", {"plan"}),
    ("Nous allons construire un petit magasin à côté du bureau de la colline.", {"plan"}),
    ("Does anyone know a buyer for dried moringa leaves in Kisumu?", {"question"}),
    ("Mbegu ya uyoga tunaweza kuipata wapi tukiwa Morogoro?", {"question"}),
    ("Quelqu'un a-t-il le contact d'un fournisseur de sacs hermétiques ?", {"question"}),
    ("Jana mnadani Lindi ufuta uliuzwa kati ya shilingi 1,650 na 1,720 kwa kilo.",
     {"information"}),
    ("Les sacs PICS sont vendus à Bujumbura chez Agrivet. Téléphone : +257 22 00 00 45.",
     {"information"}),
    ("The seed fair is on 14 October at the Kakamega ATC, from 9 am.", {"information"}),
])
def test_one_label_in_each_language(text, expected):
    assert label(text) == expected


def test_a_message_is_several_things_at_once():
    text = """Habari za Hai,

Tumefanikiwa kuuza kilo 80 za uyoga mkavu kwa duka la Moshi mwezi huu.
Msimu ujao tutajenga nyumba ya pili. Mnashauri tuanze na mifuko mingapi?

Eliaichi"""
    assert label(text) == {"achievement", "plan", "question"}


def test_an_answer_is_a_reply_to_another_organisations_question_that_gives_something():
    reply = ("Rose, try Nature's Best on Tom Mboya Street in Kisumu; they buy herbal powders. "
             "Ask for Mrs Achieng, 0722 000 118.")
    assert label(reply, replies_to_question=True) == {"information", "answer"}
    assert label(reply) == {"information"}, "not a reply to a question: only information"
    assert label("Thanks Samuel, that helps a lot.", replies_to_question=True) == set()
    assert "answer" not in label("Naomi, mnafanyaje wakati wa mvua?", replies_to_question=True)


def test_context_that_only_sets_up_a_question_is_not_information():
    text = """Hello all,

Our group in Kakamega grows moringa and dries the leaves to make powder.
When we dry the leaves in the sun they lose their green colour.

Has anyone dealt with drying a product like this?"""
    assert label(text) == {"question"}


def test_a_numbered_list_of_questions_is_questions_but_a_list_of_steps_is_information():
    asking = "Tafadhali tuelezeni:\n\n1. Mlimpataje mnunuzi huyu?\n2. Bei mliipangaje?\n"
    telling = ("On the day of deposit we:\n\n- weigh every bag on our scale;\n"
               "- check moisture and cleanliness;\n- write name, weight and grade.\n")
    assert label(asking) == {"question"}
    assert label(telling) == {"information"}


@pytest.mark.parametrize("text", ["", "   \n\n", "> only a quote\n> of the message before\n",
                                  "Asante.", "--\nZuhura", "?" * 5000, "é" * 100_000])
def test_bad_input_gives_labels_not_errors(text):
    assert label(text) <= set(LABELS)


def test_quoted_lines_and_the_name_under_the_text_say_nothing():
    text = ("Merci, bien reçu.\n\nLe 12/03/2004, Déo a écrit :\n"
            "> Nous allons semer le haricot. Quand semez-vous ?\n\nClaudine Uwase\n"
            "Coopérative Abahuzamugambi")
    assert label(text) == set()
