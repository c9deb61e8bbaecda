"""The reflection questions by mail when a cycle ends, and the team's reply landing as its
answers: sent over LMTP to the running mail server, answers read from a real SMTP sink."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest

from learnlink.alliance.models import Reflection
from learnlink.alliance.reflection import reviews
from learnlink.alliance.reflection.mailing import send_questions
from learnlink.mail.models import InboundMessage, State
from tests.alliance.teams import D, Small, make_small, signed_in
from tests.conftest import MailServer, Sink, email_from

HALIMA, JUMA = "halima@example.org", "juma.bakari@example.org"


@pytest.fixture
def small(network: dict[str, Any], transactional_db: None) -> Small:
    return make_small(network)


def questions(small: Small, sink: Sink, address: str = HALIMA) -> EmailMessage:
    """The questions of cycle 1 (it ends on 31 July 2003) as `address` got them."""
    assert send_questions(D(2003, 7, 30)) == 0  # not ended yet
    # One participant in each of the two teams: the questions, and the plan of cycle 2.
    assert send_questions(D(2003, 7, 31)) == 4
    assert send_questions(D(2003, 8, 1)) == 0  # never twice
    [mail] = [m for m in sink.to(address) if "reflection" in str(m["Subject"])]
    return mail


def reply(server: MailServer, mail: EmailMessage, text: str, sender: str = HALIMA) -> None:
    to = str(mail["Reply-To"])
    quoted = "\n".join(f"> {line}" for line in mail.get_content().splitlines())
    server.send(email_from(sender, to, f"Re: {mail['Subject']}", f"{text}\n\n{quoted}\n"), to)


def test_each_team_gets_the_three_questions_when_the_cycle_ends(
        mail_server: MailServer, smtp_sink: Sink, small: Small) -> None:
    mail = questions(small, smtp_sink)
    assert mail["Subject"] == "Cycle 1 of Tanga Orange Alliance has ended: your team's reflection"
    body = mail.get_content()
    assert "1. What worked well?" in body and "3. What will you change in the next cycle?" in body
    assert f"/alliances/tanga-oranges/cycles/1/reflection/{small.growers.pk}/" in body
    others = [m["Reply-To"] for m in smtp_sink.messages if m is not mail]
    assert mail["Reply-To"] not in others  # one address per team and purpose


def test_the_reply_lands_as_the_teams_answers_and_stays_editable_on_the_web(
        mail_server: MailServer, smtp_sink: Sink, small: Small) -> None:
    mail = questions(small, smtp_sink)
    reply(mail_server, mail, "1. What worked well? Grading in three sizes: buyers paid more.\n"
                             "2) Two groups sold on the side\nbefore the collective sale.\n"
                             "3. Agree the price with every group first.")
    answers = Reflection.objects.get(cycle=small.first, partner=small.growers)
    assert answers.worked == "Grading in three sizes: buyers paid more."
    assert answers.did_not_work == "Two groups sold on the side\nbefore the collective sale."
    assert answers.will_change == "Agree the price with every group first."
    assert answers.author == small.grower.person
    text = smtp_sink.to(HALIMA)[-1].get_content()
    assert "Recorded as the answers of" in text and "buyers paid more" in text
    page = signed_in(small.grower).get(
        f"/alliances/tanga-oranges/cycles/1/reflection/{small.growers.pk}/")
    assert "Grading in three sizes" in page.content.decode()
    # A second reply may give one answer; the others stay.
    reply(mail_server, mail, "3. Agree the price and the day with every group first.")
    answers.refresh_from_db()
    assert answers.worked == "Grading in three sizes: buyers paid more."
    assert answers.will_change == "Agree the price and the day with every group first."


@pytest.mark.parametrize("text", ["", "Thank you, we will discuss it next week."])
def test_an_empty_reply_is_answered_with_what_to_fix_and_records_nothing(
        mail_server: MailServer, smtp_sink: Sink, small: Small, text: str) -> None:
    mail = questions(small, smtp_sink)
    reply(mail_server, mail, text)
    assert not Reflection.objects.exists()
    answer = smtp_sink.to(HALIMA)[-1]
    assert answer["Subject"] == "Nothing recorded from your reply"
    assert "no answer under the numbers 1, 2 or 3" in answer.get_content()
    assert "1. Market surveys worked" in answer.get_content()
    assert InboundMessage.objects.get(recipient__startswith="alliance+").state == State.REJECTED


def test_another_team_cannot_answer_for_this_one(mail_server: MailServer, smtp_sink: Sink,
                                                 small: Small) -> None:
    mail = questions(small, smtp_sink)
    reply(mail_server, mail, "1. Nothing worked.", sender=JUMA)
    assert not Reflection.objects.exists()
    assert "nothing was changed" in smtp_sink.to(JUMA)[-1].get_content()
    assert InboundMessage.objects.get(recipient__startswith="alliance+").state \
        == State.QUARANTINED


def test_a_published_synthesis_closes_the_answers(mail_server: MailServer, smtp_sink: Sink,
                                                  small: Small) -> None:
    mail = questions(small, smtp_sink)
    reviews.publish_synthesis(reviews.save_synthesis(small.first, {}, None))
    reply(mail_server, mail, "1. Grading worked.")
    assert not Reflection.objects.exists()
    assert "its answers can no longer change" in smtp_sink.to(HALIMA)[-1].get_content()
