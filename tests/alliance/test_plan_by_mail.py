""""Plan your next cycle" by mail: the team answers with one task a line; each good line lands
in its action plan for the next cycle, each bad one comes back with why and an example. Sent
over LMTP to the running mail server, answers read from a real SMTP sink."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest

from learnlink.alliance.models import Task
from learnlink.alliance.reflection.mailing import send_questions
from learnlink.mail.models import InboundMessage, State
from tests.alliance.teams import D, Small, make_small
from tests.conftest import MailServer, Sink, email_from

HALIMA, JUMA = "halima@example.org", "juma.bakari@example.org"


@pytest.fixture
def small(network: dict[str, Any], transactional_db: None) -> Small:
    return make_small(network)


def plan_mail(small: Small, sink: Sink, address: str = HALIMA) -> EmailMessage:
    """The invitation to plan cycle 2, sent when cycle 1 ends (with the reflection questions)."""
    send_questions(D(2003, 7, 31))
    [mail] = [m for m in sink.to(address) if "Plan your next cycle" in str(m["Subject"])]
    return mail


def reply(server: MailServer, mail: EmailMessage, text: str, sender: str = HALIMA) -> None:
    to = str(mail["Reply-To"])
    server.send(email_from(sender, to, f"Re: {mail['Subject']}", text), to)


def test_the_plan_mail_gives_the_format_and_the_cycles_dates(
        mail_server: MailServer, smtp_sink: Sink, small: Small) -> None:
    mail = plan_mail(small, smtp_sink)
    assert mail["Subject"] == "Plan your next cycle: cycle 2 of Tanga Orange Alliance"
    body = mail.get_content()
    assert "task; owner; due date; deliverable" in body
    assert "from 1 Aug 2003 to 31 Dec 2003" in body


def test_each_good_line_is_recorded_and_each_bad_one_answered_with_why(
        mail_server: MailServer, smtp_sink: Sink, small: Small) -> None:
    mail = plan_mail(small, smtp_sink)
    reply(mail_server, mail, "Habari, here is our plan:\n"
          "Grade the oranges in three sizes; Halima Omari; 2003-09-15; Grading record\n"
          "Meet the Dar buyers at the collection point; halima; 2003-10-01\n"
          "Sell the December harvest together; Halima; 2004-01-20; Sales record\n"
          "Train the new groups; Someone Unknown; 2003-09-01\n"
          "Asante\n")
    tasks = Task.objects.filter(plan__cycle=small.second, plan__partner=small.growers)
    assert sorted(tasks.values_list("title", "due", "deliverable")) == [
        ("Grade the oranges in three sizes", D(2003, 9, 15), "Grading record"),
        ("Meet the Dar buyers at the collection point", D(2003, 10, 1), "")]
    answer = smtp_sink.to(HALIMA)[-1]
    assert answer["Subject"] == "Plan of Kilulu Orange Growers for cycle 2: 2 tasks recorded"
    text = answer.get_content()
    assert "- Grade the oranges in three sizes; Halima Omari; 15 Sep 2003" in text
    assert "after cycle 2 ends on 31 Dec 2003" in text  # the date outside the cycle
    assert "'Someone Unknown' is not one person of Kilulu Orange Growers" in text
    assert "Survey the buyers of greengrams in Mbeere" in text  # the example
    inbound = InboundMessage.objects.get(recipient__startswith="alliance+")
    assert inbound.state == State.DONE and "2 recorded, 2 lines not understood" in inbound.reason
    # The corrected line sent again with a good one already recorded: that one is not doubled.
    reply(mail_server, mail, "Grade the oranges in three sizes; Halima Omari; 2003-09-15; "
                             "Grading record\n"
                             "Sell the December harvest together; Halima; 2003-12-20\n")
    assert tasks.count() == 3
    assert "(recorded already)" in smtp_sink.to(HALIMA)[-1].get_content()


def test_a_reply_without_task_lines_records_nothing(mail_server: MailServer, smtp_sink: Sink,
                                                    small: Small) -> None:
    mail = plan_mail(small, smtp_sink)
    reply(mail_server, mail, "We will send the plan after our meeting.")
    assert not Task.objects.exists()
    text = smtp_sink.to(HALIMA)[-1].get_content()
    assert "no task line" in text and "task; owner; due date; deliverable" in text


def test_another_team_cannot_plan_for_this_one(mail_server: MailServer, smtp_sink: Sink,
                                               small: Small) -> None:
    mail = plan_mail(small, smtp_sink)
    reply(mail_server, mail, "Rice prices; Juma Bakari; 2003-09-01", sender=JUMA)
    assert not Task.objects.exists()
    assert "nothing was changed" in smtp_sink.to(JUMA)[-1].get_content()
