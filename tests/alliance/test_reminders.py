"""Reminders of agreed tasks, with the day passed in: a week before the due date, and when a
task is overdue (once, then at most weekly); never for done or dropped tasks, never twice.
Read from a real SMTP server, through the outbox as in production."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from learnlink.alliance.models import Alliance, TaskReminder
from learnlink.alliance.planning import actions as planning
from learnlink.alliance.planning.reminders import send_reminders
from learnlink.alliance.tasks import task_reminders
from tests.alliance.teams import D, Small, make_small, signed_in
from tests.conftest import Sink


@pytest.fixture
def small(network: dict[str, Any], transactional_db: None) -> Small:
    return make_small(network)


def test_a_task_is_reminded_a_week_before_and_when_overdue(small: Small,
                                                          smtp_sink: Sink) -> None:
    plan = planning.plan_for(small.growers, small.first)
    planning.add_task(plan, title="Grade the oranges in three sizes",
                      owner=small.grower.person, due=D(2003, 5, 20),
                      deliverable="Grading record")
    assert send_reminders(D(2003, 5, 12)) == 0  # eight days before: not yet
    assert send_reminders(D(2003, 5, 13)) == 1
    assert send_reminders(D(2003, 5, 14)) == 0  # the same event is not reminded twice
    [soon] = smtp_sink.to("halima@example.org")
    assert soon["Subject"] == 'Reminder: "Grade the oranges in three sizes" is due in 7 days'
    assert soon["Auto-Submitted"] == "auto-generated"
    body = soon.get_content()
    assert "Dear Halima Omari," in body and "Grading record" in body
    assert "/alliances/tanga-oranges/cycles/1/plans/" in body
    assert soon["Cc"] is None

    assert send_reminders(D(2003, 5, 20)) == 0  # due today is not overdue
    assert send_reminders(D(2003, 5, 21)) == 1
    overdue = smtp_sink.to("halima@example.org")[-1]
    assert overdue["Subject"] == 'Overdue: "Grade the oranges in three sizes"'
    assert "grace.wanjiku@example.org" in overdue["Cc"]
    assert [send_reminders(D(2003, 5, day)) for day in range(22, 28)] == [0] * 6
    assert send_reminders(D(2003, 5, 28)) == 1  # a week later, still open
    # Three reminders; the two overdue ones also went to the coordinator (same message, Cc).
    assert len(smtp_sink.messages) == 1 + 2 + 2
    assert list(TaskReminder.objects.values_list("event", "sent_on")) == [
        ("overdue", D(2003, 5, 28)), ("overdue", D(2003, 5, 21)),
        ("due_soon", D(2003, 5, 13))]


def test_done_and_dropped_tasks_are_not_reminded(small: Small, smtp_sink: Sink) -> None:
    plan = planning.plan_for(small.growers, small.first)
    done = planning.add_task(plan, title="Done early", owner=small.grower.person,
                             due=D(2003, 5, 20))
    dropped = planning.add_task(plan, title="Not this cycle", owner=small.grower.person,
                                due=D(2003, 5, 20))
    planning.mark_done(done, D(2003, 5, 2))
    planning.drop_task(dropped, "The buyer left Muheza.")
    for day in (D(2003, 5, 15), D(2003, 5, 25), D(2003, 6, 30)):
        assert send_reminders(day) == 0
    assert smtp_sink.messages == []


def test_a_new_due_date_is_a_new_reminder(small: Small, smtp_sink: Sink) -> None:
    plan = planning.plan_for(small.spies, small.first)
    task = planning.add_task(plan, title="Rice prices in Babati", owner=small.spy.person,
                             due=D(2003, 5, 20))
    assert send_reminders(D(2003, 5, 15)) == 1
    task.due = D(2003, 6, 20)
    task.save(update_fields=["due"])
    assert send_reminders(D(2003, 5, 16)) == 0
    assert send_reminders(D(2003, 6, 19)) == 1
    subjects = [m["Subject"] for m in smtp_sink.to("juma.bakari@example.org")]
    assert subjects[-1] == 'Reminder: "Rice prices in Babati" is due tomorrow'


def test_the_owner_reads_the_reminder_in_their_language(small: Small, smtp_sink: Sink) -> None:
    person = small.spy.person
    person.languages = "sw, en"
    person.save(update_fields=["languages"])
    plan = planning.plan_for(small.spies, small.first)
    planning.add_task(plan, title="Bei za mchele", owner=person, due=D(2003, 5, 20))
    send_reminders(D(2003, 5, 25))
    mail = smtp_sink.to("juma.bakari@example.org")[0]
    assert mail["Subject"] == 'Imepita muda: "Bei za mchele"'
    assert "Ndugu Juma Bakari," in mail.get_content()


def test_no_reminders_once_the_alliance_has_ended(small: Small, smtp_sink: Sink) -> None:
    plan = planning.plan_for(small.growers, small.first)
    planning.add_task(plan, title="Forgotten", owner=small.grower.person, due=D(2003, 5, 20))
    assert send_reminders(D(2004, 11, 1)) == 0
    task_reminders()  # the periodic task runs on today's date, long after the alliance
    assert smtp_sink.messages == []


def test_the_worker_sends_reminders_once_every_morning() -> None:
    task = task_reminders.task_class()  # type: ignore[attr-defined]
    morning = datetime.datetime(2003, 5, 13, 6, 30)  # noqa: DTZ001  Huey's clock: naive UTC
    assert task.validate_datetime(morning)
    assert not task.validate_datetime(morning.replace(hour=7))
    assert not task.validate_datetime(morning.replace(minute=31))


def _alliance_running_today(small: Small) -> datetime.date:
    """The periodic task reminds on today's date: move the alliance and its first cycle there."""
    today = timezone.localdate()
    Alliance.objects.filter(pk=small.alliance.pk).update(
        start=today - datetime.timedelta(days=60), end=today + datetime.timedelta(days=300))
    small.first.start, small.first.end = (today - datetime.timedelta(days=30),
                                          today + datetime.timedelta(days=30))
    small.first.save(update_fields=["start", "end"])
    return today


def test_a_task_title_with_a_bare_cr_is_reminded_on_one_subject_line(small: Small,
                                                                      smtp_sink: Sink) -> None:
    """The title comes through the plan's web form; the daily task runs as the worker runs it."""
    today = _alliance_running_today(small)
    due = (today + datetime.timedelta(days=3)).isoformat()
    added = signed_in(small.grower).post(
        f"/alliances/tanga-oranges/cycles/1/plans/{small.growers.pk}/tasks/new/",
        {"title": "Grade the oranges\rBcc: everyone@example.org", "owner": small.grower.person.pk,
         "due": due})
    assert added.status_code == 302
    planning.add_task(planning.plan_for(small.spies, small.first), title="Rice prices",
                      owner=small.spy.person, due=today + datetime.timedelta(days=3))

    task_reminders()

    [halima] = smtp_sink.to("halima@example.org")
    assert halima["Subject"] == ('Reminder: "Grade the oranges Bcc: everyone@example.org" is due '
                                 "in 3 days")
    assert halima["Bcc"] is None and len(smtp_sink.to("everyone@example.org")) == 0
    assert len(smtp_sink.to("juma.bakari@example.org")) == 1


def test_one_reminder_that_cannot_be_sent_never_stops_the_others(small: Small,
                                                                  smtp_sink: Sink) -> None:
    """An owner's address with a line break in it (as an old import left it) cannot be a
    header: that reminder is logged and tried again tomorrow, the others go today."""
    today = _alliance_running_today(small)
    small.grower.person.email_addresses.update(address="halima@example.org\rBcc: x@example.org")
    plan = planning.plan_for(small.growers, small.first)
    broken = planning.add_task(plan, title="Grade the oranges", owner=small.grower.person,
                               due=today + datetime.timedelta(days=1))
    planning.add_task(planning.plan_for(small.spies, small.first), title="Rice prices",
                      owner=small.spy.person, due=today + datetime.timedelta(days=2))

    task_reminders()

    assert [m["Subject"] for m in smtp_sink.messages] == [
        'Reminder: "Rice prices" is due in 2 days']
    assert not TaskReminder.objects.filter(task=broken).exists()
