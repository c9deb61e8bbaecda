"""Searching the archive on the web, through the API and by email; never past permissions."""

import pytest
from django.urls import reverse

from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Attachment, Message
from tests.conftest import email_from

SEARCH = "search@learnlink.localhost"
GET = "get@learnlink.localhost"


@pytest.fixture
def archive(mail_server, oranges, learner):
    private = create_group("mentors-room", "Mentors' room", private=True)
    add_member(private, "halima@example.org")
    mail_server.send(email_from("halima@example.org", oranges.address, "Warehouse receipts",
                                "The warehouse receipt lets us wait for a better price.\n\n"
                                "On Monday, Joseph wrote:\n> billboard prices in Babati\n"),
                     oranges.address)
    mail_server.send(email_from("halima@example.org", private.address, "Receipt contacts",
                                "The warehouse manager's private number."), private.address)
    return private


def test_the_search_page_finds_new_text_and_marks_it(client, archive):
    html = client.get(reverse("search"), {"q": "warehouse receipt"}).content.decode()
    assert "1 message found" in html
    assert "<mark>warehouse</mark> <mark>receipt</mark>" in html.lower()
    assert "Receipt contacts" not in html, "a private group's message stays hidden"


def test_quoted_text_is_not_searched(client, archive):
    html = client.get(reverse("search"), {"q": "billboard"}).content.decode()
    assert "Nothing found" in html


def test_members_find_their_private_groups_messages(client, archive, learner):
    client.force_login(learner)
    html = client.get(reverse("search"), {"q": "warehouse"}).content.decode()
    assert "Receipt contacts" in html and "Warehouse receipts" in html


def test_search_filters_by_group(client, archive, learner):
    client.force_login(learner)
    html = client.get(reverse("search"), {"q": "warehouse", "group": "mentors-room"}).content
    assert b"Receipt contacts" in html and b"Warehouse receipts</a>" not in html


def test_the_api_searches_with_the_same_rules(client, archive):
    body = client.get("/api/search", {"q": "warehouse"}).json()
    assert body["count"] == 1
    assert body["items"][0]["subject"] == "Warehouse receipts"
    found = Message.objects.get(subject="Warehouse receipts")
    assert body["items"][0]["url"].endswith(f"/groups/muheza-oranges/messages/{found.pk}/")


def test_a_search_by_email_answers_with_results_and_ids(mail_server, archive, smtp_sink):
    mail_server.send(email_from("halima@example.org", SEARCH, "warehouse", ""), SEARCH)
    [answer] = smtp_sink.to("halima@example.org")
    text = answer.get_content()
    found = Message.objects.get(subject="Warehouse receipts")
    assert "Warehouse receipts" in text and "Receipt contacts" in text, "a member sees both"
    assert f"M{found.pk}" in text
    assert answer["Auto-Submitted"] == "auto-replied"


def test_a_stranger_searching_by_email_sees_only_public_groups(mail_server, archive,
                                                                smtp_sink):
    mail_server.send(email_from("stranger@example.com", SEARCH, "warehouse", ""), SEARCH)
    text = smtp_sink.to("stranger@example.com")[0].get_content()
    assert "Warehouse receipts" in text and "Receipt contacts" not in text


def test_get_by_email_returns_a_message_and_a_file(mail_server, oranges, learner, smtp_sink):
    message = email_from("halima@example.org", oranges.address, "Price form", "Attached.")
    message.add_attachment(b"market,price\nMuheza,\n", maintype="text", subtype="csv",
                           filename="fomu-ya-bei.csv")
    mail_server.send(message, oranges.address)
    posted = Message.objects.get(subject="Price form")
    attachment = Attachment.objects.get()

    mail_server.send(email_from("halima@example.org", GET, f"M{posted.pk}", ""), GET)
    mail_server.send(email_from("halima@example.org", GET, f"A{attachment.pk}", ""), GET)

    by_message, by_file = smtp_sink.to("halima@example.org")
    assert "Attached." in by_message.get_content()
    assert f"A{attachment.pk}" in by_message.get_content()
    [part] = list(by_file.iter_attachments())
    assert part.get_filename() == "fomu-ya-bei.csv"
    assert part.get_content().startswith("market,price")


def test_get_refuses_a_private_message_to_a_stranger(mail_server, archive, smtp_sink):
    private = Message.objects.get(subject="Receipt contacts")
    mail_server.send(email_from("stranger@example.com", GET, f"M{private.pk}", ""), GET)
    text = smtp_sink.to("stranger@example.com")[0].get_content()
    assert "private number" not in text and "Nothing found" in text
