"""Warned before the mail stops: bounces at one address tell its owner at their other
addresses, in their language, a day before Learnlink stops sending there; the group's mentors
see it on their contacts to fix; and the owner can start the mail again from My Learnlink.

Bounces come back over LMTP to the VERP address, and every mail goes out through the relay.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from learnlink.people.models import EmailAddress, Person
from tests.mail.faulty_relay import Relay
from tests.mail.test_bounces import (
    BOUNCES,
    GROUP,
    HALIMA,
    Days,
    bounce_back,
    days,
    envelope_sender,
    halimas_delivery,
    post_to_group,
    relay,
)

__all__ = ["days", "relay"]  # the fixtures of test_bounces, used here too
OTHER = "halima.omari@example.net"
CONTACTS = "/groups/muheza-oranges/contacts/"


def bounce_on_day(day: int, mail_server, relay: Relay, days: Days) -> EmailAddress:
    """A post to the group on `day` bounces at Halima's primary address; the next day comes."""
    report = (BOUNCES / "postfix_02.eml").read_bytes().replace(b"anne.person@dom.ain",
                                                               HALIMA.encode())
    post_to_group(mail_server, f"Prices, day {day}")
    assert halimas_delivery(f"Prices, day {day}").address == HALIMA
    bounce_back(mail_server, report, envelope_sender(relay, HALIMA))
    days.later(1)
    return EmailAddress.objects.get(address=HALIMA)


def warnings_to(relay: Relay, address: str) -> list:
    return [r.message for r in relay.to(address) if r.message["From"] != GROUP
            and "Prices" not in str(r.message["Subject"])]


@pytest.fixture
def second_address(oranges):
    halima = Person.objects.get(email_addresses__address=HALIMA)
    return EmailAddress.objects.create(person=halima, address=OTHER,
                                       active_from=datetime.date(2010, 1, 1))


def test_the_owner_is_warned_at_their_other_address_a_day_before_the_mail_stops(
        mail_server, oranges, second_address, relay, days):
    first = bounce_on_day(1, mail_server, relay, days)
    assert first.bounce_warned is None and warnings_to(relay, OTHER) == []

    second = bounce_on_day(2, mail_server, relay, days)
    assert second.bounce_warned is not None and second.disabled is None
    [warning] = warnings_to(relay, OTHER)
    assert warning["Subject"] == f"Mail to {HALIMA} keeps coming back"
    text = warning.get_body(("plain",)).get_content()
    assert "If it comes back once more tomorrow or later this week" in text
    assert "User unknown" in text, "what the other side said"
    assert "/me/" in text and "/accounts/address/" in text
    assert warnings_to(relay, HALIMA) == [], "never to the address that bounces"

    third = bounce_on_day(3, mail_server, relay, days)
    assert third.disabled is not None
    assert len(warnings_to(relay, OTHER)) == 1, "warned once"
    post_to_group(mail_server, "Prices, day 4")
    assert relay.to(OTHER)[-1].message["Subject"] == "Prices, day 4"


def test_the_warning_speaks_the_owners_language(mail_server, oranges, second_address, relay,
                                                days):
    Person.objects.filter(pk=second_address.person_id).update(languages="sw")
    for day in (1, 2):
        bounce_on_day(day, mail_server, relay, days)
    [warning] = warnings_to(relay, OTHER)
    assert warning["Subject"] == f"Barua kwenda {HALIMA} zinaendelea kurudi"


def test_a_member_with_no_other_address_gets_no_warning_yet_the_mentors_see_it(
        client, mail_server, oranges, mentor, relay, days):
    for day in (1, 2):
        bounce_on_day(day, mail_server, relay, days)
    assert [r.message["Subject"] for r in relay.to(HALIMA)] == ["Prices, day 1",
                                                                 "Prices, day 2"]
    client.force_login(mentor)
    page = client.get(CONTACTS).content.decode()
    assert "Still receiving, until one more day of bounces" in page
    assert "at their other addresses" in page
    dashboard = client.get(reverse("mentoring:dashboard")).content.decode()
    assert "1 member&#x27;s address bounces or was disabled" in dashboard


def test_the_owner_starts_the_mail_again_from_my_learnlink(
        client, mail_server, oranges, learner, relay, days):
    for day in (1, 2, 3):
        stopped = bounce_on_day(day, mail_server, relay, days)
    assert stopped.disabled is not None
    client.force_login(learner)
    page = client.get(reverse("me:home")).content.decode()
    assert "so none has been sent since" in page

    response = client.post(reverse("me:restart", args=[stopped.pk]), follow=True)

    assert f"Learnlink sends your mail to {HALIMA} again." in response.content.decode()
    stopped.refresh_from_db()
    assert (stopped.disabled, stopped.bounce_score, stopped.bounce_warned) == (None, 0, None)
    post_to_group(mail_server, "Prices, day 4")
    assert relay.to(HALIMA)[-1].message["Subject"] == "Prices, day 4"


def test_nobody_else_starts_someone_elses_mail_again(
        client, mail_server, oranges, outsider, relay, days):
    for day in (1, 2, 3):
        stopped = bounce_on_day(day, mail_server, relay, days)
    url = reverse("me:restart", args=[stopped.pk])
    assert client.post(url).status_code == 302, "a guest is asked to sign in"
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    stopped.refresh_from_db()
    assert stopped.disabled is not None


def test_with_a_threshold_of_one_the_warning_says_the_mail_stopped(
        mail_server, oranges, second_address, relay, days, settings):
    settings.LEARNLINK_BOUNCE_THRESHOLD = 1
    stopped = bounce_on_day(1, mail_server, relay, days)
    assert stopped.disabled is not None
    [warning] = warnings_to(relay, OTHER)
    assert warning["Subject"] == f"Learnlink stopped sending to {HALIMA}"
    assert "so it has stopped sending there" in warning.get_body(("plain",)).get_content()
