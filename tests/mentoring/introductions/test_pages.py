"""The introduction pages with odd input and at size: links whose parameters lead nowhere
still give the form, an answer that only quotes still counts, and the list and an
introduction's page make a bounded number of queries whatever their length."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learnlink.mentoring.models import IntroductionReply
from learnlink.mentoring.models.introductions import Side
from tests.mentoring.introductions.conftest import KILULU, introduced
from tests.mentoring.introductions.test_answers import answer

NEW = "/mentoring/introductions/new/"


@pytest.mark.parametrize("query", [
    "?organisation=99999", "?organisation=abc", "?thread=abc", "?evidence=%3Cscript%3E",
    "?find=", "?find=zzzz-nobody&find=&find=Kilulu", "?organisation=1&organisation=2"])
def test_a_link_whose_parameters_lead_nowhere_still_gives_the_form(client, sides, query):
    client.force_login(sides.mentor)
    response = client.get(f"{NEW}{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_an_empty_introduction_is_refused_with_reasons(client, sides):
    client.force_login(sides.mentor)
    response = client.post(f"{NEW}?find=Babati&find=Kilulu", {"context": "  ", "evidence": ""})
    assert response.status_code == 400
    assert response.content.decode().count("This field is required.") == 4


def test_an_answer_that_only_quotes_still_answers(client, mail_server, sides):
    introduction = introduced(sides)
    answer(mail_server, introduction, KILULU, "> Babati wants to grade its rice\n> Kilulu "
           "grades its oranges in three sizes\n")
    introduction.refresh_from_db()
    assert introduction.answered is not None
    client.force_login(sides.mentor)
    html = client.get(introduction.get_absolute_url()).content.decode()
    assert "Nothing new: the answer only quotes earlier mail." in html


def test_the_list_and_a_page_of_answers_make_a_bounded_number_of_queries(
        client, sides, django_assert_max_num_queries):
    for _n in range(30):
        introduction = introduced(sides)
    IntroductionReply.objects.bulk_create(IntroductionReply(
        introduction=introduction, message_id=f"<{n}@example.org>", person=sides.chair,
        side=Side.PEER, sender_name="Mwanaisha Shabani", text=f"Answer {n}",
        date=introduction.sent) for n in range(30))
    client.force_login(sides.mentor)
    client.get(reverse("mentoring:introductions"))  # the session and roles, once
    with django_assert_max_num_queries(8):
        listed = client.get(reverse("mentoring:introductions")).content.decode()
    assert listed.count("Babati Rice Farmers Association – Kilulu Orange Growers") == 25
    with django_assert_max_num_queries(12):
        page = client.get(introduction.get_absolute_url()).content.decode()
    assert page.count('<article class="msg">') == 10
