"""Sign-in cannot be hammered (issue 14, items 8 and 12), over real HTTP with the real outbox
and SMTP sink: sign-in links and failed passwords are limited per address and per client, with
a clear message; a link asked for an address without an account creates none until it is used;
and every password attempt costs exactly one hash, so its time does not say which addresses are
user names (bench/sign_in.py prints the times with production's hasher).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import User
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.people.test_sign_in import ask_for_link, link_in

HALIMA = "halima@example.org"
TOO_MANY_LINKS = "Too many sign-in links were asked for this address or from this network."
TOO_MANY_FAILURES = "Too many failed sign-ins for this address or from this network."


def sign_in(client: Any, username: str, password: str, **extra: str) -> Any:
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_fifty_link_requests_for_one_address_send_five_mails_and_say_why(client, learner,
                                                                         smtp_sink):
    answers = [ask_for_link(client, HALIMA) for _ in range(50)]
    assert len(smtp_sink.to(HALIMA)) == 5
    assert [a.status_code for a in answers[:5]] == [200] * 5
    refused = answers[5]
    assert refused.status_code == 429
    assert TOO_MANY_LINKS in refused.content.decode()
    assert "wait 60 minutes" in refused.content.decode()


def test_an_unknown_address_is_limited_the_same_way(client, db, smtp_sink):
    answers = [ask_for_link(client, "stranger@example.com") for _ in range(6)]
    assert [a.status_code for a in answers] == [200] * 5 + [429], "no hint of who has an account"
    assert smtp_sink.messages == []


def test_one_network_asking_links_for_many_addresses_is_limited(client, learner, smtp_sink,
                                                                settings):
    settings.LEARNLINK_LIMITS = {**settings.LEARNLINK_LIMITS, "login-link": (5, 3, 3600)}
    for n in range(3):
        assert ask_for_link(client, f"someone{n}@example.com").status_code == 200
    assert ask_for_link(client, HALIMA).status_code == 429
    assert smtp_sink.to(HALIMA) == []
    other = client.post(reverse("login_link_request"), {"email": HALIMA}, follow=True,
                        REMOTE_ADDR="10.0.0.7")
    assert "Check your email" in other.content.decode(), "another network is not blocked"


def test_a_link_makes_no_account_until_it_is_used_and_then_works_once(client, network,
                                                                     smtp_sink):
    chair = "kilulu.growers@example.org"
    ask_for_link(client, chair)
    ask_for_link(client, chair)
    assert not User.objects.exists(), "asking proves nothing: no account yet"
    first, second = (link_in(m) for m in smtp_sink.to(chair))
    assert client.get(first).status_code == 200
    assert not User.objects.exists(), "opening the page is not using the link"
    assert client.post(first, follow=True).context["user"].is_authenticated
    assert User.objects.get(person=network["chair"])
    client.logout()
    assert client.post(second).status_code == 400, "the other link died with the first use"


def test_a_link_sent_to_an_address_its_person_no_longer_holds_signs_nobody_in(
        client, learner, smtp_sink):
    ask_for_link(client, HALIMA)
    learner.person.email_addresses.update(address="halima.new@example.org")
    assert client.post(link_in(smtp_sink.to(HALIMA)[0])).status_code == 400


def test_ten_wrong_passwords_stop_the_next_attempt_even_with_the_right_one(client, learner):
    for _ in range(10):
        assert sign_in(client, HALIMA, "guess").status_code == 200
    refused = sign_in(client, HALIMA, PASSWORD)
    assert refused.status_code == 429
    assert TOO_MANY_FAILURES in refused.content.decode()
    assert "Wait 15 minutes, or ask for a sign-in link by email." in refused.content.decode()
    assert not refused.wsgi_request.user.is_authenticated


def test_the_limit_holds_from_another_network_and_for_the_user_name_spelled_otherwise(
        client, learner):
    for _ in range(10):
        sign_in(client, HALIMA, "guess")
    assert sign_in(client, "Halima@Example.org", PASSWORD,
                   REMOTE_ADDR="10.0.0.9").status_code == 429


def test_one_network_trying_many_addresses_is_limited(client, learner, settings):
    settings.LEARNLINK_LIMITS = {**settings.LEARNLINK_LIMITS, "sign-in": (10, 4, 900)}
    for n in range(4):
        sign_in(client, f"someone{n}@example.com", "guess")
    assert sign_in(client, HALIMA, PASSWORD).status_code == 429
    assert sign_in(client, HALIMA, PASSWORD, REMOTE_ADDR="10.0.0.3").status_code == 302


def test_behind_a_proxy_each_visitor_is_counted_by_the_address_the_proxy_saw(client, learner,
                                                                           settings):
    settings.LEARNLINK_PROXY_COUNT = 1
    settings.LEARNLINK_LIMITS = {**settings.LEARNLINK_LIMITS, "sign-in": (10, 2, 900)}
    for n in range(2):
        sign_in(client, f"someone{n}@example.com", "guess",
                HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.1")
    assert sign_in(client, HALIMA, PASSWORD,
                   HTTP_X_FORWARDED_FOR="192.0.2.77, 198.51.100.1").status_code == 429, \
        "what the visitor wrote on the left does not make a new client"
    assert sign_in(client, HALIMA, PASSWORD,
                   HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


class CountingHasher(MD5PasswordHasher):
    """The tests' hasher, counting how often a password is hashed."""

    hashed = 0

    def encode(self, password: str, salt: str) -> str:
        CountingHasher.hashed += 1
        return super().encode(password, salt)


@pytest.fixture
def hashes(settings: Any) -> type[CountingHasher]:
    settings.PASSWORD_HASHERS = ["tests.people.test_sign_in_limits.CountingHasher"]
    CountingHasher.hashed = 0
    return CountingHasher


@pytest.mark.parametrize("username", [
    HALIMA,                       # a known address, wrong password
    "halima@example.org ",        # the same, as a phone's keyboard leaves it
    "stranger@example.com",       # nobody's address
    "kilulu.growers@example.org", # a person in the directory without an account
    "admin",                      # a user name without an address
    "nobody",
])
def test_every_failed_password_costs_exactly_one_hash(client, learner, network, staff, hashes,
                                                      username):
    staff.username = "admin"
    staff.save(update_fields=["username"])
    response = sign_in(client, username, "wrong-password")
    assert not response.wsgi_request.user.is_authenticated
    assert hashes.hashed == 1


def test_a_right_password_costs_one_hash_too(client, learner, hashes):
    assert sign_in(client, HALIMA, PASSWORD).status_code == 302
    assert hashes.hashed == 1
