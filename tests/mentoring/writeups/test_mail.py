"""The draft goes to the learner by email and her answers come back by email, over the wire:
the mail read from the real SMTP sink, the replies sent over LMTP to our running server. Her
reply lands as a comment (what she quoted and her signature cut), "I approve" approves in
English, Kiswahili and French, and anything that is not hers or her mentor's, or that comes to
a forged or expired reply address, is quarantined with the reason, for the mentor to see."""

from __future__ import annotations

import re
import time
from email.message import EmailMessage
from typing import Any

import pytest
from django.urls import reverse

from learnlink.mail.models import InboundMessage, State
from learnlink.mentoring.models import Via, WriteUp, WriteUpAction, WriteUpState
from learnlink.mentoring.writeups import actions
from learnlink.mentoring.writeups.reply_address import reply_address
from tests.conftest import email_from
from tests.mentoring.writeups.conftest import HALIMA, JOSEPH

REPLY_ADDRESS = re.compile(r"writeup\+[0-9a-f]+\.[0-9a-f]+\.[0-9a-f]{16}@learnlink\.localhost")


def send(client: Any, mentor: Any, writeup: WriteUp, smtp_sink: Any) -> EmailMessage:
    """The mentor presses "Send it to the learner"; the mail Halima receives."""
    client.force_login(mentor)
    response = client.post(reverse("mentoring:writeups:send", args=[writeup.pk]))
    assert response.status_code == 302
    [mail] = smtp_sink.to(HALIMA)
    return mail


def answer(mail_server: Any, to: str, body: str, sender: str = f"Halima Omari <{HALIMA}>",
           **headers: str) -> InboundMessage:
    mail_server.send(email_from(sender, to, "Re: Andiko lako la kukagua", body, **headers), to)
    return InboundMessage.objects.filter(recipient=to).latest("pk")


def test_the_draft_reaches_the_learner_in_her_language_from_its_own_reply_address(
        client, writeup, mentor, smtp_sink):
    mail = send(client, mentor, writeup, smtp_sink)
    assert str(mail["Subject"]) == "Andiko lako la kukagua: Grading oranges at Kilulu"
    text = mail.get_content().replace("\r\n", "\n")
    assert "Joseph Mshana ameandika uzoefu wako" in text
    assert "Nakubali, ichapishwe" in text and "Nakubali, isichapishwe" in text
    assert "> We grade the oranges in three sizes before the lorry comes." in text
    assert "— Halima Omari, Kilulu Orange Growers, 14 September 2004" in text
    assert f"http://127.0.0.1:8000/mentoring/writeups/{writeup.pk}/\n" in text
    assert "/accounts/" not in text, "the mail's link signs nobody in"
    reply_to = str(mail["Reply-To"])
    assert REPLY_ADDRESS.fullmatch(reply_to)
    assert reply_to in str(mail["From"]) and "Joseph Mshana" in str(mail["From"])
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.WITH_LEARNER
    assert [(e.action, e.by_name, e.via) for e in writeup.events.all()][-1] == (
        WriteUpAction.SENT, "Joseph Mshana", Via.WEB)


def test_her_reply_lands_as_a_comment_without_what_she_quoted_or_her_signature(
        client, writeup, mentor, smtp_sink, mail_server):
    reply_to = str(send(client, mentor, writeup, smtp_sink)["Reply-To"])
    inbound = answer(mail_server, reply_to,
                     "Please add that Mwanaidi, our secretary, writes down each member's "
                     "weight.\n\nOn Tue, 14 Sep 2004, Joseph Mshana wrote:\n"
                     "> We grade the oranges in three sizes\n\n-- \nHalima Omari\nKilulu\n")
    [comment] = writeup.comments.all()
    assert comment.text == ("Please add that Mwanaidi, our secretary, writes down each "
                            "member's weight.")
    assert (comment.author, comment.via, comment.inbound) == (
        writeup.learner, Via.EMAIL, inbound)
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.IN_REVIEW, "the mentor's turn"
    assert inbound.state == State.DONE
    assert f"comment added to write-up {writeup.pk}" in inbound.reason

    [told] = smtp_sink.to(JOSEPH)
    assert str(told["Subject"]) == "Halima Omari commented: Grading oranges at Kilulu"
    assert "Mwanaidi, our secretary, writes down" in told.get_content()
    page = client.get(writeup.get_absolute_url()).content.decode()
    assert "Mwanaidi, our secretary, writes down" in page


@pytest.mark.parametrize(("line", "publish"), [
    ("I approve, publish.", True), ("Nakubali, isichapishwe", False), ("J’approuve", None)])
def test_i_approve_in_english_kiswahili_or_french_approves_it(
        client, writeup, mentor, smtp_sink, mail_server, line, publish):
    reply_to = str(send(client, mentor, writeup, smtp_sink)["Reply-To"])
    inbound = answer(mail_server, reply_to, f"Asante Joseph,\n\n{line}\n\nHalima\n")
    writeup.refresh_from_db()
    assert (writeup.state, writeup.publish) == (WriteUpState.APPROVED, publish)
    assert writeup.approved is not None
    approval = writeup.events.get(action=WriteUpAction.APPROVED)
    assert (approval.by, approval.via) == (writeup.learner, Via.EMAIL)
    assert "; approved" in inbound.reason
    [told] = smtp_sink.to(JOSEPH)
    assert str(told["Subject"]) == "Halima Omari approved: Grading oranges at Kilulu"
    client.logout()
    assert client.get(writeup.get_absolute_url()).status_code == (200 if publish else 302)


def test_a_comment_that_discusses_approval_approves_nothing(
        client, writeup, mentor, smtp_sink, mail_server):
    reply_to = str(send(client, mentor, writeup, smtp_sink)["Reply-To"])
    answer(mail_server, reply_to, "I approve of the first part, but not the prices.\n")
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.IN_REVIEW and writeup.comments.count() == 1


def test_a_reply_from_a_stranger_is_quarantined_with_the_reason(
        client, writeup, mentor, smtp_sink, mail_server):
    reply_to = str(send(client, mentor, writeup, smtp_sink)["Reply-To"])
    inbound = answer(mail_server, reply_to, "I approve, publish\n",
                     sender="Halima Omari <halima.omari@attacker.example>")
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.WITH_LEARNER and not writeup.comments.exists()
    assert inbound.state == State.QUARANTINED
    assert inbound.reason == (f"from halima.omari@attacker.example: not an address of the "
                              f"learner or the mentor of write-up {writeup.pk}")
    page = client.get(writeup.get_absolute_url()).content.decode()
    assert "Replies set aside" in page and "halima.omari@attacker.example" in page


def test_an_expired_or_forged_reply_address_adds_nothing(
        writeup, mentor, mail_server, settings):
    actions.send_to_learner(writeup, actions.Actor.on_web(mentor))
    mailed = int(time.time()) - (settings.LEARNLINK_WRITEUP_REPLY_DAYS + 1) * 86400
    expired = answer(mail_server, reply_address(writeup, issued=mailed), "I approve\n")
    good = reply_address(writeup)
    forged = answer(mail_server, re.sub(r"\.[0-9a-f]{16}@", f".{'0' * 16}@", good),
                    "I approve\n")
    assert expired.state == forged.state == State.QUARANTINED
    assert f"the reply address of write-up {writeup.pk} has expired" in expired.reason
    assert "was not made by Learnlink (its signature is wrong)" in forged.reason
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.WITH_LEARNER and not writeup.comments.exists()


def test_an_automatic_reply_is_no_comment(writeup, mentor, mail_server):
    actions.send_to_learner(writeup, actions.Actor.on_web(mentor))
    inbound = answer(mail_server, reply_address(writeup), "I am away until Monday.\n",
                     Auto_Submitted="auto-replied")
    assert inbound.state == State.QUARANTINED and not writeup.comments.exists()


def test_the_mentor_may_answer_by_email_and_nothing_changes_state(
        writeup, mentor, mail_server, smtp_sink):
    actions.send_to_learner(writeup, actions.Actor.on_web(mentor))
    answer(mail_server, reply_address(writeup), "Halima, I will call you on Friday.\n",
           sender=f"Joseph Mshana <{JOSEPH}>")
    [comment] = writeup.comments.all()
    assert comment.author_name == "Joseph Mshana"
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.WITH_LEARNER
    assert smtp_sink.to(JOSEPH) == [], "nobody is told of their own comment"


def test_an_approval_of_a_text_the_mentor_is_changing_is_kept_as_a_comment_only(
        writeup, mentor, halima, mail_server):
    actions.send_to_learner(writeup, actions.Actor.on_web(mentor))
    actions.approve(writeup, actions.Actor.on_web(halima), publish=True)
    actions.edit(writeup, writeup.title, writeup.text + "\nOne more line.\n",
                 actions.Actor.on_web(mentor))
    inbound = answer(mail_server, reply_address(writeup), "Nakubali, ichapishwe\n")
    writeup.refresh_from_db()
    assert writeup.state == WriteUpState.DRAFT and not writeup.is_public
    assert writeup.comments.count() == 1
    assert "not approved: the mentor is changing the draft" in inbound.reason


def test_a_flood_of_replies_is_refused_past_the_limit(writeup, mentor, mail_server, settings):
    settings.LEARNLINK_LIMITS = {**settings.LEARNLINK_LIMITS, "writeup-reply": (2, 60, 3600)}
    actions.send_to_learner(writeup, actions.Actor.on_web(mentor))
    replies = [answer(mail_server, reply_address(writeup), f"Comment {n}\n") for n in range(3)]
    assert writeup.comments.count() == 2
    assert replies[-1].state == State.REJECTED
    assert replies[-1].reason == f"from {HALIMA}: over the limit of 2 an hour"
