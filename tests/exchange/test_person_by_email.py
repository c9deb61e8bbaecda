"""A person's own settings by mail to SLUG-request@, as on /me/: `language sw` changes the
language Learnlink writes to them in, and `restart` sends to an address that bounces stopped,
from that address when our MTA verified its domain. Over real LMTP in, read from the real SMTP
sink; the words in Kiswahili and French too."""

from __future__ import annotations

import pytest
from django.utils import timezone

from learnlink.people.models import EmailAddress, Person
from tests.exchange.test_email_commands import DAUDI, HALIMA, REQUEST, command
from tests.exchange.test_list_addresses import send

pytestmark = pytest.mark.usefixtures("our_mta")


def languages_of(address: str) -> list[str]:
    return Person.objects.get(email_addresses__address=address).language_codes()


@pytest.mark.parametrize(("words", "code", "answer"), [
    ("language sw", "sw", "Learnlink itakuandikia kwa Kiswahili"),
    ("Lugha: Kiswahili", "sw", "Learnlink itakuandikia kwa Kiswahili"),
    ("langue français", "fr", "Learnlink vous écrit désormais en Français"),
])
def test_the_language_command_sets_the_language_and_answers_in_it(mail_server, oranges,
                                                                   smtp_sink, words, code,
                                                                   answer):
    command(mail_server, "", body=words)
    assert languages_of(HALIMA)[0] == code
    [reply] = smtp_sink.to(HALIMA)
    assert answer in reply.get_content()


def test_a_language_command_without_a_language_says_how(mail_server, oranges, smtp_sink):
    before = languages_of(HALIMA)
    command(mail_server, "", subject="language")
    assert "language sw (Kiswahili)" in smtp_sink.to(HALIMA)[0].get_content()
    assert languages_of(HALIMA) == before


def stop(address: str) -> EmailAddress:
    record = EmailAddress.objects.get(address=address)
    record.disabled, record.bounce_score = timezone.now(), 3
    record.save(update_fields=["disabled", "bounce_score"])
    return record


@pytest.mark.parametrize("word", ["restart", "Anza tena", "Reprendre"])
def test_restart_from_the_stopped_address_sends_to_it_again(mail_server, oranges, smtp_sink,
                                                            word):
    record = stop(HALIMA)
    command(mail_server, "", subject=word)
    record.refresh_from_db()
    assert record.disabled is None and record.bounce_score == 0
    assert f"sends your mail to {HALIMA} again" in smtp_sink.to(HALIMA)[0].get_content()


def test_a_forged_restart_changes_nothing(mail_server, oranges, smtp_sink):
    record = stop(HALIMA)
    send(mail_server, REQUEST, HALIMA, "restart", checked=False)
    record.refresh_from_db()
    assert record.disabled is not None
    assert "could not verify" in smtp_sink.to(HALIMA)[0].get_content()


def test_restart_for_an_address_that_was_not_stopped_says_so(mail_server, oranges, smtp_sink):
    command(mail_server, "", sender=DAUDI, subject="restart")
    assert "had not stopped sending" in smtp_sink.to(DAUDI)[0].get_content()
