"""On a development run (`make run` starts Learnlink with DEBUG on, without a relay), every mail
Learnlink sends is readable whole, on the outgoing mail page and on the console, so the person
trying it can follow a sign-in link or confirm by mail."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.exchange.test_contacts import (
    HALIMA,
    MAILS_WITH_KEYS,
    secrets_in,
    send_mail_with_a_key,
)


@pytest.mark.parametrize("mail", MAILS_WITH_KEYS)
def test_a_development_run_shows_each_mail_whole_on_the_page_and_the_console(
        oranges, client, mentor, settings, capsys, django_capture_on_commit_callbacks,
        mail: str) -> None:
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        outgoing = send_mail_with_a_key(mail, oranges, client, settings)
    keys = secrets_in(outgoing)
    assert keys
    printed = capsys.readouterr().out
    client.force_login(mentor)
    html = client.get(f"/outbox/{outgoing.pk}/").content.decode()
    for key in keys:
        assert key in printed
        assert key in html
    assert f"Subject: {outgoing.subject}" in printed
    assert "shown whole" in html


def test_the_sign_in_link_on_the_console_signs_in(
        oranges, client, settings, capsys, django_capture_on_commit_callbacks) -> None:
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        send_mail_with_a_key("sign-in link", oranges, client, settings)
    printed = capsys.readouterr().out
    link = re.search(r"https?://\S+(/accounts/login/link/[^/\s]+/)", printed)
    assert link, printed
    browser = Client()
    assert browser.post(link.group(1)).status_code == 302
    user = browser.get("/").wsgi_request.user
    assert user.is_authenticated
    assert user.person.email_addresses.filter(address=HALIMA).exists()


def test_without_debug_nothing_is_printed_and_the_keys_stay_hidden(
        oranges, client, mentor, settings, capsys, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        outgoing = send_mail_with_a_key("sign-in link", oranges, client, settings)
    assert "Learnlink mail" not in capsys.readouterr().out
    client.force_login(mentor)
    html = client.get(f"/outbox/{outgoing.pk}/").content.decode()
    assert all(key not in html for key in secrets_in(outgoing))
