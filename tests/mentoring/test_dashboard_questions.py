"""Questions nobody answered: read in English, Kiswahili and French as messages arrive, and
answered only when someone outside the asker's organisation replies below them."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from learnlink.mentoring.dashboard.answers import Said, first_answers
from learnlink.mentoring.dashboard.questions import question_in
from tests.mentoring.conftest import KILULU, KILULU_MEMBER, SPY, post

# One exchange per language: a question, a colleague from the asker's own farmer group who
# only says "us too", and the answer from another organisation.
EXCHANGES = {
    "en": ("How do you weigh the oranges at loading time?",
           "We also wonder about this.",
           "We weigh every crate on the buyer's scale before it goes on the lorry."),
    "sw": ("Mnapima uzito wa machungwa wakati wa kupakia?",
           "Sisi pia tunataka kujua hilo.",
           "Tunapima kila tenga kwa mizani ya mnunuzi kabla ya kupakia kwenye lori."),
    "fr": ("Nous aimerions savoir comment vous pesez les oranges au chargement.",
           "Nous aussi, cela nous intéresse.",
           "Nous pesons chaque caisse sur la balance de l'acheteur avant le camion."),
}


@pytest.mark.parametrize("text", [
    "How do you weigh the oranges at loading time?",
    "We would like to know who pays for the phone credit of the market spies.",
    "Mnapima uzito wa machungwa wakati wa kupakia?",
    "Tungependa kujua mnunuzi analipa baada ya siku ngapi.",
    "Comment stockez-vous les cossettes de manioc ?",
    "Nous aimerions savoir qui paie le crédit téléphonique.",
])
def test_a_question_is_read_in_english_kiswahili_and_french(text):
    assert question_in(f"Habari zenu,\n\n{text}\n\nMwanaisha") == text


@pytest.mark.parametrize("text", [
    "We grade the oranges in three sizes before the lorry comes.",
    "Tutapima kila tenga kesho asubuhi.",
    "Nous allons sécher les feuilles à l'ombre.",
    "> How do you weigh the oranges at loading time?\n\nWe weigh them at the warehouse.",
    "",
])
def test_statements_and_quoted_questions_ask_nothing(text):
    assert question_in(text) == ""


def test_a_new_thread_may_ask_in_its_subject():
    assert question_in("We need 200 chicks by May.", "Who sells day-old chicks in Babati?") == (
        "Who sells day-old chicks in Babati?")


def dashboard(client) -> str:
    return client.get(reverse("mentoring:dashboard")).content.decode()


@pytest.mark.parametrize("language", list(EXCHANGES))
def test_a_question_waits_until_someone_from_another_organisation_answers(
        language, client, mail_server, speakers, mentor, oranges):
    question, same_organisation, answer = EXCHANGES[language]
    client.force_login(mentor)
    asked = post(mail_server, oranges, KILULU, "Loading day",
                 f"Habari zenu,\n\n{question}\n\nMwanaisha", days_ago=6)
    shown = question.replace("'", "&#x27;")
    assert shown in dashboard(client)

    group = oranges
    again = post(mail_server, group, KILULU, "Re: Loading day", "Any news? We load on Friday.",
                 days_ago=5.5, reply_to=asked)
    colleague = post(mail_server, group, KILULU_MEMBER, "Re: Loading day", same_organisation,
                     days_ago=5, reply_to=asked)
    assert again is not None and colleague is not None
    assert shown in dashboard(client), "the asker and her own group have not answered"

    reply = post(mail_server, group, SPY, "Re: Loading day", answer, days_ago=4,
                 reply_to=colleague)
    page = dashboard(client)
    assert shown not in page
    asked.question.refresh_from_db()
    assert asked.question.answered_by == reply
    assert "Any news?" in page, "the asker's second question, below nobody's answer, waits"


def test_a_question_shows_after_its_groups_days(client, mail_server, speakers, mentor, oranges):
    client.force_login(mentor)
    post(mail_server, oranges, KILULU, "Buyers from Tanga",
         "Does anyone know a buyer in Tanga who pays on the day?", days_ago=2)
    assert "pays on the day" not in dashboard(client), "five days by default"

    response = client.post(reverse("mentoring:group_settings", args=[oranges.slug]),
                           {"answer_days": 1}, follow=True)
    assert "now show after 1 days" in response.content.decode()
    assert "pays on the day" in dashboard(client)

    client.post(reverse("mentoring:group_settings", args=[oranges.slug]), {"answer_days": 0})
    assert "pays on the day" in dashboard(client), "a refused setting changes nothing"


def test_an_archive_older_than_the_dashboard_is_read_once(mail_server, speakers, oranges):
    from learnlink.mentoring.models import Question

    asked = post(mail_server, oranges, KILULU, "Loading day", EXCHANGES["en"][0], days_ago=9)
    post(mail_server, oranges, SPY, "Re: Loading day", EXCHANGES["en"][2], days_ago=8,
         reply_to=asked)
    post(mail_server, oranges, KILULU, "Crates", "Where do you buy crates?", days_ago=7)
    before = sorted(Question.objects.values_list("text", "answered_by"))
    Question.objects.all().delete()

    call_command("note_questions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("note_questions", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert sorted(Question.objects.values_list("text", "answered_by")) == before
    assert [text for text, by in before if by is None] == ["Where do you buy crates?"]


def said(pk, parent, author, organisations=(), day=1):
    return Said(pk, parent, datetime.datetime(2026, 3, day, tzinfo=datetime.UTC), author,
                frozenset(organisations))


def test_only_a_reply_below_the_question_answers_it():
    """A reply to the thread's first message, beside the question, has not taken it up."""
    thread = {1: said(1, None, "a"), 2: said(2, 1, "b", day=2), 3: said(3, 1, "c", day=3),
              4: said(4, 2, "b", day=4)}
    assert first_answers([2], thread) == {}
    thread[5] = said(5, 4, "c", day=5)
    assert first_answers([2], thread) == {2: thread[5]}


def test_someone_who_shares_one_organisation_with_the_asker_does_not_answer():
    thread = {1: said(1, None, "a", {10, 11}), 2: said(2, 1, "b", {11, 12}, day=2),
              3: said(3, 2, "c", {12}, day=3)}
    assert first_answers([1], thread) == {1: thread[3]}


def test_the_question_shown_is_the_last_one_a_message_asks():
    """From the demo's orange growers: a mentor restates a lost question, then asks her own."""
    text = ("Elibariki, asante. Ujumbe wa kwanza wa Joseph haupo kwenye kumbukumbu za\n"
            "kundi, lakini swali lake lilikuwa:\nje, mpunga unaweza kupangwa madaraja kama "
            "machungwa ya Muheza?\n\nAthumani au Bakari, mnaweza kutuma mfano wa makubaliano "
            "yenu, bila bei,\nili Magugu waone yanavyoandikwa?\n\nElisante")
    assert question_in(text, "Babati: mpunga nao unaweza kupangwa madaraja?") == (
        "Athumani au Bakari, mnaweza kutuma mfano wa makubaliano yenu, bila bei, ili Magugu "
        "waone yanavyoandikwa?")


def test_a_question_follows_its_message_moved_to_another_group(client, mail_server, speakers,
                                                               oranges, mentor):
    """Clean-up may carry a thread to another group: its mentors, not this one's, see it."""
    from learnlink.exchange.membership import create_group
    from learnlink.exchange.models import Message, Thread
    from learnlink.mentoring.dashboard.questions import refresh_threads

    asked = post(mail_server, oranges, KILULU, "Crates", "Where do you buy crates?", days_ago=7)
    client.force_login(mentor)
    assert "Where do you buy crates?" in dashboard(client)
    room = create_group("mentors-room", "Mentors' room", private=True)
    Thread.objects.filter(pk=asked.thread_id).update(group=room)
    Message.objects.filter(pk=asked.pk).update(group=room)

    refresh_threads([asked.thread_id])

    assert "Where do you buy crates?" not in dashboard(client)
    asked.question.refresh_from_db()
    assert asked.question.group == room
