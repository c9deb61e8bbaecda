"""Answers come back over our own mail server (LMTP, as Postfix hands them over) to the
introduction's address: a side's answer marks it answered and shows on its page, later ones
thread under it; a stranger's mail, an automatic reply, a copy seen twice or an answer after
the address expired is not recorded, each with its reason."""

from __future__ import annotations

import datetime
import smtplib
from typing import Any

import pytest
from django.utils import timezone

from learnlink.mail.models import InboundMessage, State
from learnlink.mentoring.models import Introduction
from learnlink.mentoring.models.introductions import ADDRESS_DAYS
from tests.conftest import email_from, make_member
from tests.mentoring.introductions.conftest import BURA, KILULU, introduced


def answer(mail_server: Any, introduction: Introduction, sender: str, body: str,
           **headers: str) -> InboundMessage:
    """"Reply all" as a mail program does it: to the sides and the introduction's address;
    our server gets the copy for the introduction's address."""
    mail_server.send(email_from(sender, BURA, f"Re: {introduction.subject}", body,
                                Cc=introduction.address,
                                In_Reply_To=f"<{introduction.message_id}>", **headers),
                     introduction.address)
    return InboundMessage.objects.filter(recipient=introduction.address).latest("pk")


def test_a_sides_answer_marks_it_answered_and_shows_on_its_page(client, mail_server, sides):
    introduction = introduced(sides)
    inbound = answer(mail_server, introduction, KILULU,
                     "Karibuni Kilulu. We agreed on the sizes with the buyer's agent.\n\n"
                     "On Monday Joseph Mshana wrote:\n> Babati wants to grade its rice\n")
    introduction.refresh_from_db()
    assert inbound.state == State.DONE, inbound.reason
    assert introduction.answered is not None and introduction.answered_by == sides.chair
    assert introduction.state == "answered"

    later = answer(mail_server, introduction, BURA, "Asante! We will visit on Friday.\n")
    assert later.state == State.DONE
    introduction.refresh_from_db()
    assert introduction.answered_by == sides.chair, "the first answer is the one recorded"

    client.force_login(sides.mentor)
    html = client.get(introduction.get_absolute_url()).content.decode()
    assert "first answer by Mwanaisha Shabani" in html
    assert html.index("We agreed on the sizes") < html.index("We will visit on Friday")
    assert "Babati wants to grade its rice\n</div>" not in html, "the quote stays out"


def test_the_introducer_writing_again_is_kept_but_answers_nothing(mail_server, sides):
    introduction = introduced(sides)
    inbound = answer(mail_server, introduction, "joseph.mshana@example.org",
                     "Kilulu, you could also send Babati your grading sheet.\n")
    introduction.refresh_from_db()
    assert inbound.state == State.DONE
    assert introduction.replies.get().side == "introducer"
    assert introduction.answered is None


def test_a_colleague_of_a_side_answers_for_their_organisation(mail_server, sides):
    """Halima is a member of Kilulu's growers: her answer is Kilulu's."""
    introduction = introduced(sides)
    answer(mail_server, introduction, "halima@example.org", "I can show you our crates.\n")
    introduction.refresh_from_db()
    assert introduction.answered_by == sides.learner.person


def test_a_strangers_mail_to_the_address_is_quarantined_not_recorded(
        client, mail_server, sides):
    introduction = introduced(sides)
    inbound = answer(mail_server, introduction, "trader@example.com",
                     "I buy rice. Call me.\n")
    introduction.refresh_from_db()
    assert inbound.state == State.QUARANTINED
    assert "trader@example.com, who is neither side" in inbound.reason
    assert introduction.answered is None and not introduction.replies.exists()

    client.force_login(sides.mentor)
    mentor_sees = client.get(introduction.get_absolute_url()).content.decode()
    assert "Mail not recorded" in mentor_sees and "trader@example.com" in mentor_sees
    bura = make_member("learner", "Joseph Bura (signed in)", "bura.account@example.net")
    bura.person.affiliations.create(organisation=sides.rice)
    client.force_login(bura)
    side_sees = client.get(introduction.get_absolute_url()).content.decode()
    assert "I buy rice" not in side_sees and "trader@example.com" not in side_sees


@pytest.mark.parametrize(("headers", "reason"), [
    ({"Auto_Submitted": "auto-replied"}, "an automatic reply"),
    ({"Subject": "Out of office"}, "an automatic reply"),
])
def test_an_automatic_reply_is_not_an_answer(mail_server, sides, headers, reason):
    introduction = introduced(sides)
    message = email_from(KILULU, introduction.address,
                         headers.pop("Subject", f"Re: {introduction.subject}"),
                         "I am away until Monday.\n", **headers)
    mail_server.send(message, introduction.address)
    inbound = InboundMessage.objects.get(recipient=introduction.address)
    introduction.refresh_from_db()
    assert inbound.state == State.REJECTED and reason in inbound.reason
    assert introduction.answered is None


def test_the_same_answer_copied_twice_is_kept_once(mail_server, sides):
    introduction = introduced(sides)
    for _copy in range(2):
        last = answer(mail_server, introduction, KILULU, "Karibuni.\n",
                      message_id="<same-answer@example.org>")
    assert last.state == State.REJECTED and "already recorded" in last.reason
    assert introduction.replies.count() == 1


def test_after_its_time_the_address_takes_mail_but_records_none(mail_server, sides):
    introduction = introduced(sides)
    Introduction.objects.filter(pk=introduction.pk).update(
        sent=timezone.now() - datetime.timedelta(days=ADDRESS_DAYS + 1))
    inbound = answer(mail_server, introduction, KILULU, "Sorry for the delay!\n")
    assert inbound.state == State.REJECTED and "took answers until" in inbound.reason
    assert not introduction.replies.exists()


def test_an_address_that_names_no_introduction_is_refused_when_the_mail_arrives(
        mail_server, sides):
    introduced(sides)
    with mail_server.lmtp() as lmtp, pytest.raises(smtplib.SMTPRecipientsRefused):
        lmtp.sendmail(KILULU, ["intro-0123456789abcdef@learnlink.localhost"],
                      email_from(KILULU, "intro-0123456789abcdef@learnlink.localhost",
                                 "Hello", "Guessing.\n").as_bytes())
    assert not InboundMessage.objects.filter(recipient__startswith="intro-").exists()

