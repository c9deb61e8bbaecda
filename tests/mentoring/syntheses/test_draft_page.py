"""A mentor asks for a draft of a thread on its page and gets the three parts, each point
linked to its message, ready to edit; threads that give the drafter little (empty, one message,
only quotes, three languages) get a useful page, never an error; nobody else gets the page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from learnlink.exchange.models import Message
from tests.mentoring.syntheses.conftest import post


def draft_url(thread) -> str:
    return reverse("mentoring:synthesis_draft", args=[thread.pk])


def linked_messages(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[m(\d+)\]", text)}


def test_the_thread_page_offers_its_mentors_and_only_them_to_synthesise(
        client, mentor, learner, warehouse):
    client.force_login(mentor)
    assert draft_url(warehouse) in client.get(warehouse.get_absolute_url()).content.decode()
    client.force_login(learner)
    assert draft_url(warehouse) not in client.get(warehouse.get_absolute_url()).content.decode()


def test_the_draft_has_three_parts_each_point_linked_to_a_message_of_the_thread(
        mentor_client, warehouse):
    response = mentor_client.get(draft_url(warehouse))
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert initial["title"] == warehouse.subject
    assert len(initial["learned"].splitlines()) >= 3
    in_thread = set(Message.objects.filter(thread=warehouse).values_list("pk", flat=True))
    assert linked_messages(initial["learned"]) <= in_thread
    assert len(linked_messages(initial["learned"])) >= 2, "points come from several messages"
    assert initial["standing"]
    # Gabriel's question about prices that do not rise was answered by Jackson: it comes last.
    questions = initial["next_questions"].splitlines()
    assert questions and all(linked_messages(line) <= in_thread for line in questions)
    page = response.content.decode()
    assert "Drafted from the messages' own sentences" in page
    assert "<script" not in page


@pytest.mark.parametrize(("persona", "status"), [
    (None, 302), ("outsider", 404), ("learner", 404), ("coordinator", 404)])
def test_nobody_but_a_mentor_gets_a_draft(client, warehouse, persona, status, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    assert client.get(draft_url(warehouse)).status_code == status
    saved = client.post(reverse("mentoring:synthesis_save", args=[warehouse.pk]),
                        {"title": "Mine", "language": "en", "standing": "Taken over."})
    assert saved.status_code == status
    assert not warehouse.syntheses.exists()


def test_a_one_message_thread_is_drafted_from_its_one_message(mentor_client, oranges):
    only = post(oranges, "Grading oranges",
                "We grade our oranges in three sizes before the lorry comes. "
                "The buyer pays 150 shillings a kilo for grade A. "
                "Who else grades before selling?")
    response = mentor_client.get(draft_url(only.thread))
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert "three sizes" in initial["learned"] + initial["standing"]
    assert "Who else grades before selling?" in initial["next_questions"]


def test_a_thread_of_nothing_but_quotes_is_drafted_from_what_it_quotes(mentor_client, oranges):
    first = post(oranges, "Re: Prices at Tanga", "Juma wrote:\n> The Tanga buyer pays 150 "
                 "shillings a kilo for grade A oranges.\n> He collects on Wednesdays.\n",
                 In_Reply_To="<lost@example.org>", References="<lost@example.org>")
    post(oranges, "Re: Prices at Tanga", "> > The Tanga buyer pays 150 shillings a kilo for "
         "grade A oranges.\n", sender="joseph.mshana@example.org",
         In_Reply_To=f"<{first.message_id}>",
         References=f"<lost@example.org> <{first.message_id}>")
    response = mentor_client.get(draft_url(first.thread))
    assert response.status_code == 200
    assert "150 shillings" in response.context["form"].initial["learned"]


def test_a_thread_with_no_text_at_all_says_so_and_leaves_the_form_to_the_mentor(
        mentor_client, oranges):
    empty = post(oranges, "(photos of the grading shed)", "")
    response = mentor_client.get(draft_url(empty.thread))
    assert response.status_code == 200
    assert "These messages have no text to draft from" in response.content.decode()
    assert response.context["form"].initial["learned"] == ""


def test_a_thread_in_three_languages_keeps_each_point_in_its_own_language(
        mentor_client, oranges):
    question = post(oranges, "Selling together",
                    "How do you agree on one price for the whole group before the buyer "
                    "comes? We tried last season and failed.")
    answer = post(oranges, "Re: Selling together",
                  "Tulikubaliana bei moja kwenye mkutano wa kikundi kabla mnunuzi hajaja. "
                  "Tutafanya hivyo tena msimu ujao kwa machungwa yote.",
                  sender="joseph.mshana@example.org",
                  In_Reply_To=f"<{question.message_id}>",
                  References=f"<{question.message_id}>")
    post(oranges, "Re: Selling together",
         "Chez nous, nous allons vendre ensemble aussi: le groupe fixe le prix en réunion "
         "et le secrétaire note les quantités de chaque membre.",
         In_Reply_To=f"<{answer.message_id}>",
         References=f"<{question.message_id}> <{answer.message_id}>")
    response = mentor_client.get(draft_url(question.thread))
    assert response.status_code == 200
    initial = response.context["form"].initial
    everything = " ".join([initial["learned"], initial["standing"]])
    assert "Tulikubaliana" in everything or "Tutafanya" in everything
    assert "nous allons" in everything or "le groupe fixe" in everything
