"""Every mail Learnlink sends comes from an address that accepts a reply (issue 15, item 8): a
person replying to a notice gets a useful answer (the commands, the search again, or "this
address is not read; write to SLUG-owner@ to reach the mentors"), never a 550. SLUG-owner@
reaches the group's mentors. Over real LMTP in, with the worker running, read from the sink.
"""

from __future__ import annotations

import email.utils
from typing import Any

import pytest
from django.urls import reverse

from learnlink.exchange.models import HeldMessage, Message
from learnlink.mail.models import InboundMessage, State
from tests.conftest import email_from
from tests.exchange.test_email_commands import DAUDI, DOMAIN, HALIMA, command
from tests.exchange.test_list_delivery import post

pytestmark = pytest.mark.usefixtures("our_mta")
SEARCH, GET = f"search@{DOMAIN}", f"get@{DOMAIN}"
JOSEPH = "joseph.mshana@example.org"
OWNER = f"muheza-oranges-owner@{DOMAIN}"


def address_of(header: Any) -> str:
    return email.utils.parseaddr(str(header))[1]


def reply(mail_server: Any, notice: Any, sender: str, body: str = "Thank you!\n") -> str:
    """Answer `notice` as a mail program does: to its Reply-To, else its From."""
    to = address_of(notice["Reply-To"] or notice["From"])
    mail_server.send(email_from(sender, to, f"Re: {notice['Subject']}", body,
                                In_Reply_To=str(notice["Message-ID"])), to)
    return to


def test_a_search_answer_comes_from_search_names_get_in_full_and_a_reply_searches_again(
        mail_server, oranges, learner, smtp_sink):
    post(mail_server, subject="Warehouse receipts", body="The warehouse gives receipts.\n")
    mail_server.send(email_from(HALIMA, SEARCH, "warehouse", ""), SEARCH)
    [answer] = smtp_sink.to(HALIMA)
    assert address_of(answer["From"]) == SEARCH
    found = Message.objects.get(subject="Warehouse receipts")
    text = answer.get_content()
    assert f"write to {GET} with the subject M{found.pk}" in text
    assert f"To search again, reply with other words as the subject, or write to {SEARCH}." \
        in text

    reply(mail_server, answer, HALIMA)
    again = smtp_sink.to(HALIMA)[-1]
    assert str(again["Subject"]) == "Re: Search: warehouse", "the same search, not 'Re: ...'"
    assert "Warehouse receipts" in again.get_content()


def test_a_get_answer_comes_from_get_and_a_reply_is_answered(mail_server, oranges, learner,
                                                            smtp_sink):
    posted = post(mail_server)
    mail_server.send(email_from(HALIMA, GET, f"M{posted.pk}", ""), GET)
    [answer] = smtp_sink.to(HALIMA)
    assert address_of(answer["From"]) == GET
    reply(mail_server, answer, HALIMA)
    assert "Write the id from a search answer as the subject" in \
        smtp_sink.to(HALIMA)[-1].get_content()


def test_a_reply_to_a_sign_in_link_says_the_address_is_not_read_and_names_the_mentors(
        mail_server, client, oranges, learner, smtp_sink):
    client.post(reverse("login_link_request"), {"email": HALIMA})
    [link] = smtp_sink.to(HALIMA)
    to = reply(mail_server, link, HALIMA, "It did not work, please help\n")
    assert to == f"learnlink@{DOMAIN}"
    answer = smtp_sink.to(HALIMA)[-1]
    assert str(answer["Subject"]) == "This address is not read"
    text = answer.get_content()
    assert "Nobody reads the mail sent to this address" in text
    assert f"Muheza orange growers: {OWNER}" in text
    assert str(answer["Auto-Submitted"]) == "auto-replied"


def test_a_stranger_replying_to_our_notices_address_is_told_where_mentors_are(
        mail_server, db, smtp_sink):
    mail_server.send(email_from(DAUDI, f"learnlink@{DOMAIN}", "Hello", "Who are you?\n"),
                     f"learnlink@{DOMAIN}")
    text = smtp_sink.to(DAUDI)[0].get_content()
    assert f"write to its mentors' address: SLUG-owner@{DOMAIN}" in text


def test_mail_to_the_owner_address_reaches_the_mentors_with_reply_to_the_sender(
        mail_server, oranges, smtp_sink):
    mail_server.send(email_from(f"Daudi Tlatla <{DAUDI}>", OWNER, "May I join?",
                                "I grow oranges in Lushoto.\n"), OWNER)
    [passed] = smtp_sink.to(JOSEPH)
    assert str(passed["Subject"]) == "Muheza orange growers, to the mentors: May I join?"
    assert address_of(passed["Reply-To"]) == DAUDI
    assert address_of(passed["From"]) == OWNER
    text = passed.get_content()
    assert f"Daudi Tlatla <{DAUDI}> wrote to the group's mentors" in text
    assert "I grow oranges in Lushoto." in text
    assert smtp_sink.to(HALIMA) == [], "learners are not mentors"


def test_a_reply_to_a_command_answer_gets_the_commands_and_the_mentors_address(
        mail_server, oranges, smtp_sink):
    command(mail_server, "weekly")
    [changed] = smtp_sink.to(HALIMA)
    reply(mail_server, changed, HALIMA, "Asante sana\n")
    text = smtp_sink.to(HALIMA)[-1].get_content()
    assert f"muheza-oranges+each@{DOMAIN}: receive each message" in text
    assert f"To reach the group's mentors: {OWNER}" in text


def test_held_and_rejected_notices_send_a_reply_to_the_mentors(mail_server, client, oranges,
                                                              mentor, smtp_sink):
    group = f"muheza-oranges@{DOMAIN}"
    mail_server.send(email_from(DAUDI, group, "Can I join?", "From Lushoto.\n"), group)
    held = HeldMessage.objects.get()
    client.force_login(mentor)
    client.post(reverse("exchange:reject", args=[oranges.slug, held.pk]),
                {"reason": "Please introduce yourself first."})
    waits, rejected = smtp_sink.to(DAUDI)
    assert str(rejected["Subject"]) == "Not posted: Can I join?"
    assert "Please introduce yourself first." in rejected.get_content()
    for notice in (waits, rejected):
        assert address_of(notice["Reply-To"]) == OWNER
        assert address_of(notice["From"]) == f"muheza-oranges-request@{DOMAIN}"
    reply(mail_server, rejected, DAUDI, "Sorry: I am Daudi from Lushoto.\n")
    assert "Sorry: I am Daudi from Lushoto." in smtp_sink.to(JOSEPH)[-1].get_content()


def test_no_notice_learnlink_sent_bounces_a_reply(mail_server, client, oranges, learner,
                                                  mentor, smtp_sink):
    """Each kind of notice above, replied to by a person: all accepted, none quarantined."""
    client.post(reverse("login_link_request"), {"email": HALIMA})
    command(mail_server, "help")
    command(mail_server, "subscribe", sender=DAUDI)
    mail_server.send(email_from(HALIMA, SEARCH, "oranges", ""), SEARCH)
    mail_server.send(email_from(HALIMA, GET, "M1", ""), GET)
    notices = list(smtp_sink.messages)
    assert len(notices) == 5
    for notice in notices:
        reply(mail_server, notice, address_of(notice["To"]))
    replies = InboundMessage.objects.order_by("-pk")[:5]
    assert [inbound.state for inbound in replies] == [State.DONE] * 5, \
        [(i.recipient, i.state, i.reason) for i in replies]
    assert len(smtp_sink.messages) >= 10, "each reply was answered"
