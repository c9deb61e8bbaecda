"""Join on the web (issue 20, item 7): a public group's page has a join form and its email
commands written out; the form's address gets the same confirmation as the join command and
SLUG-join@ (a link, or a reply), read here from the real SMTP sink and answered over real LMTP.
The page answers a member's address exactly as a stranger's (no one learns who belongs: only
the mailbox is told), a signed-in person joins with one click for their own address, still
confirmed, and a few requests an hour is all an address or a client gets.
"""

from __future__ import annotations

import re

import pytest

from learnlink.exchange.membership import create_group
from learnlink.exchange.models import Subscription
from tests.conftest import PASSWORD, make_member
from tests.exchange.test_email_commands import DAUDI, DOMAIN, HALIMA, is_member
from tests.exchange.test_reply_addresses import reply

pytestmark = pytest.mark.usefixtures("our_mta")
PAGE, JOIN = "/groups/muheza-oranges/", "/groups/muheza-oranges/join/"


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/membership/join/\S+/)", message.get_content())[1]


def answer_text(response) -> str:
    """The page's answer without the address it names."""
    html = response.content.decode()
    return re.sub(r"[\w.+-]+@[\w.-]+", "ADDRESS", html.split("<main", 1)[-1])


def test_a_guest_joins_from_the_page_by_the_link_in_the_mail(client, oranges, smtp_sink):
    page = client.get(PAGE).content.decode()
    assert f'action="{JOIN}"' in page
    assert f"muheza-oranges-join@{DOMAIN}" in page and f"muheza-oranges-leave@{DOMAIN}" in page
    assert f"muheza-oranges+help@{DOMAIN}" in page
    response = client.post(JOIN, {"address": DAUDI})
    assert "Check your email" in response.content.decode()
    assert not is_member(DAUDI), "double opt-in"
    [ask] = smtp_sink.to(DAUDI)
    assert str(ask["Subject"]) == "Confirm: join Muheza orange growers"
    client.post(link_in(ask))
    assert is_member(DAUDI)
    assert str(smtp_sink.to(DAUDI)[-1]["Subject"]) == "Welcome to Muheza orange growers"


def test_the_confirmation_asked_on_the_web_can_be_answered_by_reply(client, oranges,
                                                                   smtp_sink, mail_server):
    client.post(JOIN, {"address": DAUDI})
    reply(mail_server, smtp_sink.to(DAUDI)[0], DAUDI)
    assert is_member(DAUDI)


def test_the_page_answers_a_members_address_as_a_strangers(client, oranges, smtp_sink):
    stranger = client.post(JOIN, {"address": DAUDI})
    member = client.post(JOIN, {"address": HALIMA})
    assert stranger.status_code == member.status_code == 200
    assert answer_text(stranger) == answer_text(member)
    assert "You are already a member." in smtp_sink.to(HALIMA)[0].get_content()
    assert not Subscription.objects.filter(address=HALIMA).exists()


def test_a_signed_in_person_joins_with_one_click_for_her_own_address(client, oranges,
                                                                     smtp_sink):
    make_member(None, "Neema Kimaro", "neema@example.org")
    client.login(username="neema@example.org", password=PASSWORD)
    page = client.get(PAGE).content.decode()
    assert "Its mail will go to neema@example.org" in page
    assert 'name="address"' not in page
    client.post(JOIN)
    assert not is_member("neema@example.org"), "still confirmed from the mailbox"
    [ask] = smtp_sink.to("neema@example.org")
    client.post(link_in(ask))
    assert is_member("neema@example.org")
    assert f'action="{JOIN}"' not in client.get(PAGE).content.decode()


def test_a_member_sees_no_join_button_only_the_commands(client, oranges, learner):
    client.login(username=HALIMA, password=PASSWORD)
    page = client.get(PAGE).content.decode()
    assert f'action="{JOIN}"' not in page
    assert f"muheza-oranges-leave@{DOMAIN}" in page


def test_a_bad_address_is_shown_again_with_what_to_fix(client, oranges, smtp_sink):
    response = client.post(JOIN, {"address": "daudi at example"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not smtp_sink.messages


def test_past_the_limit_the_same_answer_and_no_more_mail(client, oranges, smtp_sink):
    answers = [answer_text(client.post(JOIN, {"address": DAUDI})) for _ in range(5)]
    assert len(set(answers)) == 1
    assert len(smtp_sink.to(DAUDI)) == 3


def test_a_private_group_takes_no_one_by_the_form(client, oranges, mentor):
    create_group("kilulu-board", "Kilulu board", private=True)
    client.login(username="joseph.mshana@example.org", password=PASSWORD)
    assert "Join this group" not in client.get("/groups/kilulu-board/").content.decode()
    assert client.post("/groups/kilulu-board/join/").status_code == 404
