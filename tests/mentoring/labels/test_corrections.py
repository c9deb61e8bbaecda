"""A mentor corrects what a message is in one click on the thread page; nobody else can."""

import pytest
from django.urls import reverse

from learnlink.mentoring.models import LabelChange, MessageLabels
from tests.conftest import email_from
from tests.exchange.test_archive_pages import conversation
from tests.mentoring.labels.conftest import post
from tests.web.test_pages import page_weight

QUESTION = "Mnauza machungwa kwa bei gani sokoni Tanga?"
ANSWER = ("Tunauza kwa shilingi 200 kwa chungwa moja kwa Green House Investments ya Tanga. "
          "Tunachagua madaraja kabla gari halijafika.")


@pytest.fixture
def exchange(oranges, network):
    """Halima asks; Kilulu's growers (another organisation) answer."""
    question = post(email_from("halima@example.org", oranges.address, "Bei ya machungwa",
                               QUESTION, message_id="<q.labels@example.org>"), oranges)
    answer = post(email_from("kilulu.growers@example.org", oranges.address,
                             "Re: Bei ya machungwa", ANSWER,
                             message_id="<a.labels@example.org>",
                             In_Reply_To="<q.labels@example.org>",
                             References="<q.labels@example.org>"), oranges)
    return question, answer


def click(client, message, value):
    return client.post(reverse("mentoring:labels_change", args=[message.thread_id]),
                       {"set": f"{message.pk} {value}", "page": "1"})


def opened(thread) -> str:
    return f"{thread.get_absolute_url()}?labels=1"


def test_the_mentor_opens_what_each_message_is_under_the_thread(client, mentor, exchange):
    question, answer = exchange
    client.force_login(mentor)
    closed = client.get(question.thread.get_absolute_url()).content.decode()
    link = f'href="{question.thread.get_absolute_url()}?labels=1#labels"'
    assert f"{link}>what each message of this page is</a>" in closed
    assert 'name="set"' not in closed, "the buttons only when asked for: pages stay light"

    html = client.get(opened(question.thread)).content.decode()

    assert "What each message is" in html
    assert f'value="{question.pk} question" aria-pressed="true">✓ question' in html
    assert f'value="{answer.pk} answer" aria-pressed="true">✓ answer' in html
    assert f'value="{answer.pk} information" aria-pressed="true">' in html
    assert f'value="{answer.pk} plan" aria-pressed="false">plan' in html
    assert "<script" not in html


def test_one_click_sets_a_label_and_a_second_takes_it_off(client, mentor, exchange):
    _question, answer = exchange
    client.force_login(mentor)

    response = click(client, answer, "plan")

    assert response.status_code == 302
    assert response["Location"] == f"{opened(answer.thread)}#labels-{answer.pk}"
    labels = MessageLabels.objects.get(message=answer)
    assert labels.labels() == {"information", "answer", "plan"}
    assert labels.suggested == "answer,information", "what the labeller said is kept"
    assert (labels.corrected_by, labels.corrected is not None) == (mentor, True)
    html = client.get(response["Location"]).content.decode()
    assert f'value="{answer.pk} plan" aria-pressed="true">✓ plan' in html

    click(client, answer, "plan")

    assert MessageLabels.objects.get(message=answer).labels() == {"information", "answer"}
    changes = list(LabelChange.objects.filter(message=answer).order_by("pk")
                   .values_list("label", "on", "by"))
    assert changes == [("plan", True, mentor.pk), ("plan", False, mentor.pk)]


def test_right_confirms_the_labels_as_they_are(client, mentor, exchange):
    question, _answer = exchange
    client.force_login(mentor)
    html = client.get(opened(question.thread)).content.decode()
    assert f'value="{question.pk} ok">right' in html

    click(client, question, "ok")

    labels = MessageLabels.objects.get(message=question)
    assert labels.labels() == {"question"} and labels.corrected_by == mentor
    html = client.get(opened(question.thread)).content.decode()
    assert f'value="{question.pk} ok"' not in html, "checked: nothing left to confirm"


@pytest.mark.parametrize("who", ["learner", "outsider", "coordinator"])
def test_nobody_but_a_mentor_sees_or_makes_a_correction(client, exchange, who, request):
    question, _answer = exchange
    client.force_login(request.getfixturevalue(who))

    html = client.get(opened(question.thread)).content.decode()
    response = click(client, question, "plan")

    assert 'id="labels"' not in html and 'name="set"' not in html
    assert response.status_code == 404
    assert not MessageLabels.objects.filter(corrected__isnull=False).exists()


def test_a_guest_is_asked_to_sign_in(client, exchange):
    question, _answer = exchange
    response = click(client, question, "plan")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not MessageLabels.objects.exists()


def test_a_click_needs_the_form_and_its_csrf_token(mentor, exchange):
    from django.test import Client

    question, _answer = exchange
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(mentor)
    assert click(strict, question, "plan").status_code == 403
    assert strict.get(reverse("mentoring:labels_change", args=[question.thread_id])
                      ).status_code == 405


def test_a_made_up_click_changes_nothing(client, mentor, exchange, oranges):
    question, _answer = exchange
    client.force_login(mentor)
    for value in ["happiness", "ok ok", ""]:
        response = click(client, question, value)
        assert response.status_code == 302
    other = post(email_from("halima@example.org", oranges.address, "Another thread",
                            "Tutauza machungwa Jumamosi."), oranges)
    response = client.post(reverse("mentoring:labels_change", args=[question.thread_id]),
                           {"set": f"{other.pk} plan"})
    assert response.status_code == 404, "a message of another thread"
    assert not MessageLabels.objects.filter(message=question).exists()


def test_a_mentors_thread_page_of_twenty_messages_stays_light(
        client, mentor, oranges, django_assert_max_num_queries):
    messages = conversation(20)
    client.force_login(mentor)
    with django_assert_max_num_queries(31):  # every block; may the reader reply on the web
        html = client.get(opened(messages[0].thread)).content.decode()
    assert html.count('name="set"') == 20 * 6
    weight = page_weight(client, html)
    block = len(html[html.index('<section id="labels"'):].encode())
    print(f"\nthread page of 20 messages for a mentor: {weight} bytes, the labels block {block}")
    assert weight < 50 * 1024
