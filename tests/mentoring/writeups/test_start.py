"""A mentor starts a write-up on the web: from a thread, quoting the chosen messages in their
authors' words with who, which organisation, when and a link to each; or from the interview
guide, each answer under its heading in the write-up's language. Bad input (a thread with no
words of its own, an interview with no answer) gets a useful answer, never an error page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from learnlink.exchange.models import Message
from learnlink.mentoring.models import Origin, WriteUp, WriteUpAction, WriteUpState
from learnlink.mentoring.writeups.text import as_html
from tests.mentoring.writeups.conftest import post


def choice(page: str, label: str) -> str:
    """The value of the learner option whose label starts with `label`."""
    found = re.search(rf'<option value="([^"]+)"[^>]*>{re.escape(label)}', page)
    assert found, page
    return found[1]


def test_a_thread_becomes_a_draft_quoting_its_messages_with_attribution(
        client, grading, mentor, halima, network):
    client.force_login(mentor)
    url = reverse("mentoring:writeups:new_from_thread", args=[grading.pk])
    page = client.get(url).content.decode()
    answer = Message.objects.get(message_id="a@example.org")
    assert "Halima Omari" in page and "We grade the oranges in three sizes" in page
    response = client.post(url, {
        "title": "Grading oranges at Kilulu", "language": "en", "messages": [str(answer.pk)],
        "learner": choice(page, "Halima Omari — Kilulu Orange Growers")})

    writeup = WriteUp.objects.get()
    assert response.status_code == 302 and response["Location"] == writeup.get_absolute_url()
    assert (writeup.origin, writeup.state, writeup.thread) == (Origin.THREAD, WriteUpState.DRAFT,
                                                               grading)
    assert (writeup.learner, writeup.organisation) == (halima.person, network["growers"])
    text = writeup.text
    assert "> We grade the oranges in three sizes before the lorry comes." in text
    assert "> Mr Juma of Tanga paid 150 shillings a kilo" in text
    assert "Joseph wrote" not in text and "-- " not in text, "quotes and signature cut"
    assert "— Halima Omari, Kilulu Orange Growers, 14 September 2004" in text
    assert f"http://127.0.0.1:8000/groups/muheza-oranges/messages/{answer.pk}/" in text
    assert "how does Kilulu grade its oranges" not in text, "an unchosen message stays out"
    assert [v.number for v in writeup.versions.all()] == [1]
    assert [(e.action, e.by_name) for e in writeup.events.all()] == [
        (WriteUpAction.STARTED, "Joseph Mshana")]

    shown = client.get(writeup.get_absolute_url()).content.decode()
    assert "<blockquote" in shown and "We grade the oranges in three sizes" in shown
    assert f'href="http://127.0.0.1:8000/groups/muheza-oranges/messages/{answer.pk}/"' in shown


def test_the_attribution_is_written_in_the_write_ups_language(grading, mentor, halima,
                                                              network):
    from tests.mentoring.writeups.conftest import start

    writeup = start(grading, mentor, halima, network["growers"], language="fr")
    assert "— Halima Omari, Kilulu Orange Growers, 14 septembre 2004" in writeup.text


def test_the_interview_guide_becomes_a_draft_under_headings_in_its_language(
        client, oranges, mentor, halima):
    client.force_login(mentor)
    url = reverse("mentoring:writeups:new_from_guide", args=[oranges.slug])
    page = client.get(url).content.decode()
    assert "What was tried, and with whom" in page
    response = client.post(url, {
        "title": "Kuuza machungwa pamoja", "language": "sw",
        "learner": choice(page, "Halima Omari — Kilulu Orange Growers"),
        "problem": "Madalali walinunua shambani kwa bei ndogo.",
        "tried": "Tulikusanya machungwa sehemu moja na Bakari Mhina.",
        "happened": "Wanachama 32 waliuza tani 4 kwa shilingi 150 kwa kilo.",
        "differently": "", "contact": "Halima Omari, Kilulu."})
    writeup = WriteUp.objects.get()
    assert response.status_code == 302
    assert writeup.origin == Origin.GUIDE and writeup.thread is None
    assert writeup.text == (
        "## Tatizo\n\nMadalali walinunua shambani kwa bei ndogo.\n\n"
        "## Kilichojaribiwa, na pamoja na nani\n\n"
        "Tulikusanya machungwa sehemu moja na Bakari Mhina.\n\n"
        "## Kilichotokea\n\nWanachama 32 waliuza tani 4 kwa shilingi 150 kwa kilo.\n\n"
        "## Nani wa kuwasiliana naye\n\nHalima Omari, Kilulu.\n")
    assert "<h2>Tatizo</h2>" in as_html(writeup.text)


def test_an_interview_with_no_answer_is_asked_for_one(client, oranges, mentor, halima):
    client.force_login(mentor)
    url = reverse("mentoring:writeups:new_from_guide", args=[oranges.slug])
    page = client.get(url).content.decode()
    response = client.post(url, {"title": "Empty", "language": "en",
                                 "learner": choice(page, "Halima Omari")})
    assert response.status_code == 200
    assert "Write down at least one answer of the interview." in response.content.decode()
    assert not WriteUp.objects.exists()


def test_messages_that_only_quote_others_make_no_draft_and_say_why(
        client, grading, mentor, halima):
    client.force_login(mentor)
    url = reverse("mentoring:writeups:new_from_thread", args=[grading.pk])
    page = client.get(url).content.decode()
    quoting = Message.objects.get(message_id="t@example.org")
    assert quoting.text == "", "the thread's last message is all quote"
    response = client.post(url, {"title": "Grading", "language": "en",
                                 "messages": [str(quoting.pk)],
                                 "learner": choice(page, "Halima Omari")})
    assert response.status_code == 200
    assert "None of the chosen messages has words of its own" in response.content.decode()
    assert not WriteUp.objects.exists()


def test_a_thread_with_one_message_in_mixed_languages_is_quoted_whole(
        client, oranges, mentor, halima):
    only = post(oranges, "halima@example.org", "Madaraja / grades",
                "Tunapanga madaraja matatu. We sort them into three grades.")
    client.force_login(mentor)
    url = reverse("mentoring:writeups:new_from_thread", args=[only.thread.pk])
    page = client.get(url).content.decode()
    client.post(url, {"title": "Madaraja", "language": "sw", "messages": [str(only.pk)],
                      "learner": choice(page, "Halima Omari")})
    assert "> Tunapanga madaraja matatu. We sort them into three grades." in \
        WriteUp.objects.get().text


@pytest.mark.parametrize("persona", ["learner", "outsider"])
def test_only_a_mentor_of_the_group_starts_one(client, grading, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("mentoring:writeups:new_from_thread",
                              args=[grading.pk])).status_code == 404
    assert client.get(reverse("mentoring:writeups:new_from_guide",
                              args=["muheza-oranges"])).status_code == 404
    client.logout()
    assert client.get(reverse("mentoring:writeups:new_from_thread",
                              args=[grading.pk])).status_code == 302


def test_a_long_thread_in_a_big_group_gives_a_light_page_its_authors_first(
        client, oranges, mentor, halima, django_assert_max_num_queries):
    from learnlink.exchange.membership import add_member
    from tests.web.test_pages import page_weight

    for n in range(200):
        add_member(oranges, f"grower{n:03}@example.net", name=f"Grower {n:03}")
    first = post(oranges, "grower199@example.net", "Prices", "What do buyers pay?")
    for n in range(70):
        post(oranges, f"grower{n:03}@example.net", "Re: Prices",
             f"Answer {n}: we were paid 150 shillings a kilo for grade A, 120 for grade B.",
             In_Reply_To=f"<{first.message_id}>", References=f"<{first.message_id}>")
    client.force_login(mentor)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("mentoring:writeups:new_from_thread",
                                  args=[first.thread.pk])).content.decode()
    assert page_weight(client, page) < 50 * 1024
    names = re.findall(r'<option value="\d+:\d*"[^>]*>([^<]+)</option>', page)
    assert names[:2] == ["Grower 199", "Grower 000"], "the thread's authors first"
