"""A task reminder answered by reply, over LMTP to the running mail server: `done`, `drop
<reason>` and `new date ...` (and their Kiswahili and French words) do what the plan's page
does, and the sender's answer, read from a real SMTP sink, says what was recorded or why not."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest

from learnlink.alliance.models import DueDateRequest, Task, TaskStatus
from learnlink.alliance.planning import actions as planning
from learnlink.alliance.planning.reminders import send_reminders
from learnlink.mail.models import InboundMessage, State
from tests.alliance.teams import D, Small, make_small, signed_in
from tests.conftest import MailServer, Sink, email_from, make_person

HALIMA = "halima@example.org"


@pytest.fixture
def small(network: dict[str, Any], transactional_db: None) -> Small:
    return make_small(network)


def reminded(small: Small, sink: Sink) -> tuple[Task, EmailMessage]:
    """Halima's task, and the reminder she got a week before it is due."""
    task = planning.add_task(planning.plan_for(small.growers, small.first),
                             title="Grade the oranges in three sizes", owner=small.grower.person,
                             due=D(2003, 5, 20), deliverable="Grading record")
    assert send_reminders(D(2003, 5, 13)) == 1
    [reminder] = sink.to(HALIMA)
    return task, reminder


def reply(server: MailServer, reminder: EmailMessage, text: str, sender: str = HALIMA) -> None:
    to = str(reminder["Reply-To"])
    server.send(email_from(sender, to, f"Re: {reminder['Subject']}",
                           f"{text}\n\n> {reminder.get_content()[:60]}\n"), to)


def answer(sink: Sink, address: str = HALIMA) -> str:
    text: str = sink.to(address)[-1].get_content()
    return text


def test_the_reminder_says_how_to_reply(mail_server: MailServer, smtp_sink: Sink,
                                        small: Small) -> None:
    _task, reminder = reminded(small, smtp_sink)
    assert str(reminder["Reply-To"]).startswith("alliance+task.")
    body = reminder.get_content()
    assert "drop the buyers did not come this season" in body and "tarehe mpya" in body


def test_done_by_reply_marks_the_task_done(mail_server: MailServer, smtp_sink: Sink,
                                           small: Small) -> None:
    task, reminder = reminded(small, smtp_sink)
    reply(mail_server, reminder, "Done.")
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.done_on is not None
    assert 'Recorded: the task "Grade the oranges in three sizes" is done' in answer(smtp_sink)
    assert InboundMessage.objects.get(recipient__startswith="alliance+").state == State.DONE


def test_drop_in_kiswahili_records_the_reason_and_answers_in_kiswahili(
        mail_server: MailServer, smtp_sink: Sink, small: Small) -> None:
    person = small.grower.person
    person.languages = "sw"
    person.save(update_fields=["languages"])
    task, reminder = reminded(small, smtp_sink)
    reply(mail_server, reminder, "acha wanunuzi hawakuja msimu huu")
    task.refresh_from_db()
    assert (task.status, task.drop_reason) == (TaskStatus.DROPPED,
                                               "wanunuzi hawakuja msimu huu")
    assert "Imerekodiwa" in answer(smtp_sink)


def test_a_new_date_is_asked_and_a_coordinator_confirms_it_on_the_web(
        mail_server: MailServer, smtp_sink: Sink, small: Small) -> None:
    task, reminder = reminded(small, smtp_sink)
    reply(mail_server, reminder, "nouvelle date 2003-07-15")
    task.refresh_from_db()
    assert task.due == D(2003, 5, 20)  # not yet: a coordinator confirms
    assert "The alliance's coordinators are told" in answer(smtp_sink)
    notice = smtp_sink.to("grace.wanjiku@example.org")[-1]
    assert "Halima Omari" in notice.get_content() and "15 July 2003" in notice.get_content()
    asked = DueDateRequest.objects.get(task=task)
    client = signed_in(small.coordinator)
    page = client.get(f"/alliances/tanga-oranges/tasks/{task.pk}/")
    assert "Confirm the new date" in page.content.decode()
    client.post(f"/alliances/tanga-oranges/tasks/{task.pk}/dates/{asked.pk}/",
                {"confirm": "yes"})
    task.refresh_from_db()
    assert task.due == D(2003, 7, 15)


def test_the_owner_may_not_confirm_their_own_new_date(mail_server: MailServer,
                                                      smtp_sink: Sink, small: Small) -> None:
    task, reminder = reminded(small, smtp_sink)
    reply(mail_server, reminder, "new date 2003-07-15")
    asked = DueDateRequest.objects.get(task=task)
    response = signed_in(small.grower).post(
        f"/alliances/tanga-oranges/tasks/{task.pk}/dates/{asked.pk}/", {"confirm": "yes"})
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.due == D(2003, 5, 20)


def test_a_date_outside_the_cycle_is_refused_with_why(mail_server: MailServer,
                                                      smtp_sink: Sink, small: Small) -> None:
    _task, reminder = reminded(small, smtp_sink)
    reply(mail_server, reminder, "new date 2004-07-15")
    assert not DueDateRequest.objects.exists()
    text = answer(smtp_sink)
    assert "after cycle 1 ends" in text and "new date 2004-07-15" in text


def test_words_not_understood_are_answered_with_examples(mail_server: MailServer,
                                                         smtp_sink: Sink, small: Small) -> None:
    task, reminder = reminded(small, smtp_sink)
    reply(mail_server, reminder, "I will finish next week")
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN
    text = answer(smtp_sink)
    assert 'Not understood, so nothing was recorded: "I will finish next week"' in text
    assert "drop the buyers did not come this season" in text


def test_a_reply_from_an_unknown_address_changes_nothing(mail_server: MailServer,
                                                         smtp_sink: Sink, small: Small) -> None:
    task, reminder = reminded(small, smtp_sink)
    make_person("Peter Otieno", "peter@example.org")
    for sender in ("stranger@example.net", "peter@example.org"):
        reply(mail_server, reminder, "done", sender=sender)
        assert "nothing was changed" in answer(smtp_sink, sender)
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN
    assert set(InboundMessage.objects.values_list("state", flat=True)) == {State.QUARANTINED}


def test_a_forged_reply_address_is_refused(mail_server: MailServer, smtp_sink: Sink,
                                           small: Small) -> None:
    task, reminder = reminded(small, smtp_sink)
    real = str(reminder["Reply-To"])
    local, _at, domain = real.partition("@")
    forged = f"{local[:-16]}{'0' * 16}@{domain}"
    mail_server.send(email_from(HALIMA, forged, "Re: reminder", "done\n"), forged)
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN
    assert "was not made by Learnlink" in answer(smtp_sink)


def test_a_coordinator_confirms_the_new_date_by_reply(mail_server: MailServer,
                                                      smtp_sink: Sink, small: Small) -> None:
    task, reminder = reminded(small, smtp_sink)
    reply(mail_server, reminder, "tarehe mpya 2003-07-15")
    notice = smtp_sink.to("grace.wanjiku@example.org")[-1]
    assert "confirm or decline" in notice.get_content()
    reply(mail_server, notice, "Halima may have until July.", sender=HALIMA)  # not hers to do
    assert "Only the alliance's coordinators" in answer(smtp_sink)
    reply(mail_server, notice, "maybe", sender="grace.wanjiku@example.org")
    assert "Reply with confirm or decline" in answer(smtp_sink, "grace.wanjiku@example.org")
    task.refresh_from_db()
    assert task.due == D(2003, 5, 20)
    reply(mail_server, notice, "Confirm", sender="grace.wanjiku@example.org")
    task.refresh_from_db()
    assert task.due == D(2003, 7, 15)
    assert "is now due on 15 July 2003" in answer(smtp_sink, "grace.wanjiku@example.org")
    reply(mail_server, notice, "decline", sender="grace.wanjiku@example.org")
    assert "decided already" in answer(smtp_sink, "grace.wanjiku@example.org")
    task.refresh_from_db()
    assert task.due == D(2003, 7, 15)
