"""Signing in by password, or by a one-time link that really arrives by email."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.conftest import PASSWORD


def link_in(message) -> str:
    match = re.search(r"https?://\S+/accounts/login/link/\S+/", message.get_content())
    assert match, message.get_content()
    return urlsplit(match.group(0)).path


def ask_for_link(client, address: str):
    return client.post(reverse("login_link_request"), {"email": address}, follow=True)


def test_a_member_signs_in_with_their_email_address_and_password(client, learner):
    response = client.post(reverse("login"),
                           {"username": "Halima@Example.org", "password": PASSWORD}, follow=True)
    assert response.context["user"] == learner
    assert "Sign out" in response.content.decode()


def test_a_wrong_password_is_refused(client, learner):
    response = client.post(reverse("login"), {"username": "halima@example.org", "password": "x"})
    assert not response.context["user"].is_authenticated


def test_a_sign_in_link_arrives_by_email_and_signs_in_once(client, learner, smtp_sink):
    page = ask_for_link(client, "halima@example.org").content.decode()
    assert "Check your email" in page

    [message] = smtp_sink.to("halima@example.org")
    assert message["Subject"] == "Your Learnlink sign-in link"
    link = link_in(message)

    confirm = client.get(link)
    assert "Sign in as Halima Omari?" in confirm.content.decode()
    assert not confirm.context["user"].is_authenticated, "opening the link alone signs no one in"
    assert client.post(link, follow=True).context["user"] == learner

    client.logout()
    again = client.post(link)
    assert again.status_code == 400
    assert "It has been used already or it has expired." in again.content.decode()


def test_the_link_mail_speaks_the_language_the_person_asked_in(client, learner, smtp_sink):
    client.cookies["django_language"] = "sw"
    ask_for_link(client, "halima@example.org")
    [message] = smtp_sink.to("halima@example.org")
    assert message["Subject"] == "Kiungo chako cha kuingia Learnlink"


def test_an_expired_link_does_not_sign_in(client, learner, smtp_sink, settings):
    ask_for_link(client, "halima@example.org")
    settings.LOGIN_LINK_MAX_AGE = -1
    response = client.post(link_in(smtp_sink.to("halima@example.org")[0]))
    assert response.status_code == 400
    assert not response.context["user"].is_authenticated


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db, smtp_sink):
    page = ask_for_link(client, "stranger@example.com").content.decode()
    assert "Check your email" in page
    assert smtp_sink.messages == []


def test_a_learner_in_the_directory_without_an_account_gets_one_with_the_link(
        client, network, smtp_sink):
    ask_for_link(client, "kilulu.growers@example.org")
    assert client.post(link_in(smtp_sink.to("kilulu.growers@example.org")[0]),
                       follow=True).context["user"].is_authenticated
    account = User.objects.get(person=network["chair"])
    assert set(account.groups.values_list("name", flat=True)) == {"learner"}


@pytest.mark.parametrize("token", ["nonsense", "a" * 80])
def test_a_forged_link_is_refused(client, db, token):
    assert client.get(reverse("login_link", args=[token])).status_code == 400
