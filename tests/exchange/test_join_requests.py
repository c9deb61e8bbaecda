"""Asking to join a members-only group (issue 20, item 7): on its ask page or by SLUG-join@,
the address confirms first (the link or a reply), then the group's mentors are told and find
the request on their moderation page; approved, the asker is a member and welcomed; refused,
told kindly, with the reason if given. Read from the real SMTP sink, answered over real LMTP.
The ask page answers a name that is no group exactly as a members-only group's, and tells the
asker nothing of the group's content.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Subscription
from learnlink.exchange.subscriptions import expire_old
from tests.conftest import email_from
from tests.exchange.test_email_commands import DAUDI, DOMAIN
from tests.exchange.test_join_on_the_web import answer_text, link_in
from tests.exchange.test_reply_addresses import reply
from tests.web.test_pages import check_page

pytestmark = pytest.mark.usefixtures("our_mta")
ASK, JOSEPH = "/groups/kilulu-board/ask/", "joseph.mshana@example.org"
WHY = "I sell the Kilulu growers' crates in Tanga and would like to follow the board."
SECRET = "The board meets the buyer on Friday"


@pytest.fixture
def board(oranges, mentor):
    """A members-only group: Halima a member, Joseph its mentor, and one private thread."""
    group = create_group("kilulu-board", "Kilulu board", private=True)
    add_member(group, "halima@example.org")
    add_member(group, JOSEPH, role="mentor")
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source

    receive(email_from("halima@example.org", group.address, "Buyer", SECRET).as_bytes(),
            [group.address], Source.PIPE)
    return group


def is_member(group, address: str) -> bool:
    return group.memberships.filter(person__email_addresses__address=address).exists()


def ask(client, **fields: str):
    return client.post(ASK, {"address": DAUDI, "name": "Daudi Mbwana", "message": WHY,
                             **fields})


def confirmed_request(client, smtp_sink) -> Subscription:
    ask(client)
    client.post(link_in(smtp_sink.to(DAUDI)[0]))
    return Subscription.objects.get(address=DAUDI)


def test_a_guest_asks_on_the_page_confirms_and_the_mentors_are_told(client, board,
                                                                     smtp_sink):
    page = client.get(ASK)
    check_page(client, page, 200, "en", "Ask to join a group")
    assert "Kilulu board" not in page.content.decode() and SECRET not in page.content.decode()
    assert "Check your email" in ask(client).content.decode()
    [confirm] = smtp_sink.to(DAUDI)
    assert "your request goes to its mentors" in " ".join(confirm.get_content().split())
    assert smtp_sink.to(JOSEPH) == [], "the mentors hear only of confirmed addresses"
    assert "Send my request" in client.get(link_in(confirm)).content.decode()

    done = client.post(link_in(confirm)).content.decode()
    assert "Your request is with the mentors" in done and SECRET not in done
    assert not is_member(board, DAUDI)
    [notice] = smtp_sink.to(JOSEPH)
    assert str(notice["Subject"]) == "Kilulu board: a request to join"
    text = notice.get_content()
    assert "Daudi Mbwana asks to join Kilulu board" in text and WHY in " ".join(text.split())
    assert DAUDI not in text, "a mail may be quoted anywhere: the address is on the web page"
    assert "/groups/kilulu-board/moderation/" in text
    assert "went to its mentors" in smtp_sink.to(DAUDI)[-1].get_content()
    client.post(link_in(confirm))  # the link opened again tells the mentors nothing more
    assert len(smtp_sink.to(JOSEPH)) == 1


def test_the_ask_page_answers_no_group_as_a_members_only_one(client, board, smtp_sink):
    for url in (ASK, "/groups/no-such-board/ask/"):
        assert client.get(url).status_code == 200
    real = answer_text(ask(client)).replace("kilulu-board", "X")
    made_up = answer_text(client.post("/groups/no-such-board/ask/", {
        "address": "mgeni@example.org", "name": "Mgeni", "message": WHY}))
    assert real == made_up.replace("no-such-board", "X")
    assert smtp_sink.to("mgeni@example.org") == []


def test_a_reader_of_the_group_is_sent_to_its_page(client, board, oranges, learner):
    client.force_login(learner)
    assert client.get(ASK)["Location"] == "/groups/kilulu-board/"
    assert client.get("/groups/muheza-oranges/ask/")["Location"] == "/groups/muheza-oranges/"


def test_the_mentor_approves_and_the_asker_is_welcomed(client, board, smtp_sink, mentor):
    asked = confirmed_request(client, smtp_sink)
    client.force_login(mentor)
    moderation = client.get("/groups/kilulu-board/moderation/").content.decode()
    assert "1 request to join waits" in moderation
    page = client.get("/groups/kilulu-board/moderation/requests/")
    check_page(client, page, 200, "en", "would like to follow the board")
    assert DAUDI in page.content.decode()
    client.post(f"/groups/kilulu-board/moderation/requests/{asked.pk}/approve/")
    assert is_member(board, DAUDI)
    assert str(smtp_sink.to(DAUDI)[-1]["Subject"]) == "Welcome to Kilulu board"
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(("reason", "said"), [
    ("The board is for the growers' elected members.", "Their reason: The board is for"),
    ("", "Thank you for your interest."),
])
def test_the_mentor_refuses_and_the_asker_is_told_kindly(client, board, smtp_sink, mentor,
                                                         reason, said):
    asked = confirmed_request(client, smtp_sink)
    client.force_login(mentor)
    client.post(f"/groups/kilulu-board/moderation/requests/{asked.pk}/refuse/",
                {"reason": reason})
    assert not is_member(board, DAUDI) and not Subscription.objects.exists()
    told = " ".join(smtp_sink.to(DAUDI)[-1].get_content().split())
    assert "did not add you to the group this time" in told and said in told
    assert SECRET not in told


def test_only_the_groups_moderators_decide(client, board, smtp_sink, learner):
    asked = confirmed_request(client, smtp_sink)
    client.force_login(learner)  # a member, not a mentor
    assert client.get("/groups/kilulu-board/moderation/requests/").status_code == 404
    url = f"/groups/kilulu-board/moderation/requests/{asked.pk}/approve/"
    assert client.post(url).status_code == 404
    assert not is_member(board, DAUDI)


def test_by_mail_the_join_address_asks_with_the_mails_words(mail_server, board, smtp_sink):
    join = f"kilulu-board-join@{DOMAIN}"
    mail_server.send(email_from(f"Daudi Mbwana <{DAUDI}>", join, "Join", WHY + "\n"), join)
    [confirm] = smtp_sink.to(DAUDI)
    assert smtp_sink.to(JOSEPH) == []
    reply(mail_server, confirm, DAUDI)
    [notice] = smtp_sink.to(JOSEPH)
    assert WHY in " ".join(notice.get_content().split())
    assert Subscription.objects.get().confirmed is not None


def test_asking_again_while_the_mentors_decide_changes_nothing(client, board, smtp_sink):
    first = confirmed_request(client, smtp_sink)
    ask(client, message="Please!")
    assert Subscription.objects.get() == first
    assert "already waits for its mentors" in smtp_sink.to(DAUDI)[-1].get_content()


def test_a_request_the_mentors_left_for_a_week_expires(client, board, smtp_sink):
    asked = confirmed_request(client, smtp_sink)
    Subscription.objects.filter(pk=asked.pk).update(
        confirmed=timezone.now() - datetime.timedelta(days=8))
    assert expire_old() == 1


def test_past_the_limit_the_same_answer_and_no_more_mail(client, board, smtp_sink):
    answers = {answer_text(ask(client)) for _ in range(5)}
    assert len(answers) == 1
    assert len(smtp_sink.to(DAUDI)) == 3


def test_a_message_too_long_is_shown_again_with_what_to_fix(client, board, smtp_sink):
    response = ask(client, message="x" * 501)
    assert response.status_code == 400
    assert re.search(r"at most 500 characters", response.content.decode())
    assert smtp_sink.to(DAUDI) == []


def test_the_requests_page_asks_the_database_the_same_for_many(client, board, mentor,
                                                               django_assert_max_num_queries):
    Subscription.objects.bulk_create(
        Subscription(group=board, address=f"grower{n}@example.org", name=f"Grower {n}",
                     message=WHY, confirmed=timezone.now()) for n in range(30))
    client.force_login(mentor)
    with django_assert_max_num_queries(12):
        page = client.get("/groups/kilulu-board/moderation/requests/")
    assert page.content.decode().count('class="card"') == 25  # one page of them
    assert "Page 1 of 2" in page.content.decode()
