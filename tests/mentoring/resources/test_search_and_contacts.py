"""The library in a search's answer, by mail to search@ (through our real mail server, read
from the relay) and on the search page; and the outside experts' email and phone, personal
data shown only to members of the network, on the web as by mail."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import email_from
from tests.mentoring.resources.conftest import EXPERT_EMAIL, EXPERT_PHONE

SEARCH = "search@learnlink.localhost"


def ask(mail_server, smtp_sink, sender: str, words: str) -> str:
    mail_server.send(email_from(sender, SEARCH, words, ""), SEARCH)
    [answer] = smtp_sink.to(sender)
    return answer.get_content()


def test_a_search_by_email_answers_with_the_librarys_resources(
        mail_server, smtp_sink, library, receipts_thread):
    text = ask(mail_server, smtp_sink, "halima@example.org", "warehouse receipts")
    messages, _, resources = text.partition("In the library of resources:")
    assert receipts_thread.subject in messages, "the archive's messages come first"
    guide, board = library["receipts"], library["board"]
    assert f"- {guide.title} (guide)" in resources
    assert f"http://127.0.0.1:8000{guide.get_absolute_url()}" in resources
    assert f"- {board.title} (link)" in resources and "https://www.wrrb.go.tz/" in resources
    assert "Hussein Lema" not in resources and "Brokering" not in resources
    assert "The whole library: http://127.0.0.1:8000/mentoring/resources/?q=warehouse+receipts" \
        in resources


def test_a_search_the_library_cannot_answer_has_no_library_section(
        mail_server, smtp_sink, library, receipts_thread):
    text = ask(mail_server, smtp_sink, "halima@example.org", "Mbeya")
    assert "Could warehouse receipts work" in text
    assert "library of resources" not in text


@pytest.mark.parametrize(("sender", "sees"), [
    ("halima@example.org", True),  # a learner of the network
    ("stranger@example.com", False),  # nobody the directory knows
    ("someone@example.com", False),  # an account with no role
])
def test_an_experts_email_and_phone_go_only_to_members_of_the_network(
        mail_server, smtp_sink, library, learner, outsider, sender, sees):
    text = ask(mail_server, smtp_sink, sender, "radio prices")
    assert "- Hussein Lema (expert contact), Community radio, Babati" in text
    assert "Reads the village price boards' prices" in text
    assert (EXPERT_EMAIL in text, EXPERT_PHONE in text) == (sees, sees)
    assert ("Members of the network see how to reach this expert." in text) == (not sees)


def test_the_search_page_shows_the_librarys_resources_below_the_messages(client, library):
    html = client.get(reverse("search"), {"q": "warehouse receipts"}).content.decode()
    assert "In the library of resources" in html
    assert f'<a href="{library["receipts"].get_absolute_url()}">' in html
    assert 'href="/mentoring/resources/?q=warehouse+receipts"' in html
    later = client.get(reverse("search"), {"q": "warehouse receipts", "page": 2})
    assert "In the library of resources" not in later.content.decode(), "once, on page one"


@pytest.mark.parametrize(("persona", "sees"), [
    (None, False), ("outsider", False), ("learner", True), ("coordinator", True),
    ("mentor", True), ("staff", True)])
def test_an_experts_email_and_phone_show_only_to_members_of_the_network(
        client, library, persona, sees, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    expert = library["radio"]
    page = client.get(expert.get_absolute_url()).content.decode()
    assert "Community radio, Babati" in page and "Reads the village price boards" in page
    assert (EXPERT_EMAIL in page, EXPERT_PHONE in page) == (sees, sees)
    assert ("Members of the network see how to reach this expert." in page) == (not sees)
    if persona is None:
        assert f"/accounts/login/?next={expert.get_absolute_url()}" in page
    for other in (client.get(reverse("mentoring:resources")),
                  client.get(reverse("search"), {"q": "radio"})):
        assert EXPERT_EMAIL not in other.content.decode(), "lists never show contact details"
