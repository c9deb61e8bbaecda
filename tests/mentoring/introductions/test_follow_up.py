"""Introductions nobody answered in 14 days come to the mentors' dashboard, in a bounded query,
with a reminder as their action; the reminder goes to both sides once, as an answer to the
introduction."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from learnlink.exchange.membership import create_group
from learnlink.exchange.models import Group
from learnlink.mentoring.concerns import concerns
from learnlink.mentoring.introductions.concern import unanswered
from learnlink.mentoring.models import Introduction
from tests.mentoring.introductions.conftest import BURA, KILULU, introduced, mail_to

DAY = datetime.timedelta(days=1)


def sent_days_ago(introduction: Introduction, days: int) -> Introduction:
    Introduction.objects.filter(pk=introduction.pk).update(
        sent=timezone.now() - days * DAY)
    introduction.refresh_from_db()
    return introduction


def the_concern():
    return next(concern for concern in concerns() if concern.key == "introductions")


def test_only_introductions_unanswered_after_fourteen_days_are_a_concern(sides):
    waiting = sent_days_ago(introduced(sides), 15)
    sent_days_ago(introduced(sides), 13)  # not yet
    answered = sent_days_ago(introduced(sides), 20)
    Introduction.objects.filter(pk=answered.pk).update(answered=timezone.now())
    elsewhere = sent_days_ago(introduced(sides), 30)
    Introduction.objects.filter(pk=elsewhere.pk).update(
        group=create_group("mushrooms", "Uyoga"))

    rows = the_concern().rows(Group.objects.filter(pk=sides.group.pk), timezone.now())
    assert list(rows) == [waiting]


def test_the_concern_is_one_query_for_a_page_of_rows(sides, django_assert_max_num_queries):
    for _n in range(5):
        sent_days_ago(introduced(sides), 15)
    groups = Group.objects.filter(pk=sides.group.pk)
    with django_assert_max_num_queries(1):
        rows = [the_concern().row(item) for item in unanswered(groups, timezone.now())[:25]]
    assert len(rows) == 5
    assert rows[0].text == ("Joseph Mshana introduced Babati Rice Farmers Association to "
                            "Kilulu Orange Growers 2\xa0weeks, 1\xa0day ago: no answer yet")
    assert rows[0].action == "Send a reminder"
    assert rows[0].action_url == f"{rows[0].url}#remind" and rows[0].group == sides.group


def test_a_reminder_goes_to_both_sides_once_as_an_answer_to_the_introduction(
        client, sides, mailboxes):
    introduction = sent_days_ago(introduced(sides), 15)
    client.force_login(sides.mentor)
    page = client.get(introduction.get_absolute_url()).content.decode()
    assert 'id="remind"' in page

    remind = reverse("mentoring:introduction_remind", args=[introduction.pk])
    client.post(remind)
    client.post(remind)
    [reminder] = mail_to(mailboxes, BURA, "Reminder:")
    assert len(mail_to(mailboxes, KILULU, "Reminder:")) == 1
    assert str(reminder["In-Reply-To"]) == f"<{introduction.message_id}>"
    assert str(reminder["Subject"]) == ("Reminder: introduction of Babati Rice Farmers "
                                        "Association and Kilulu Orange Growers")
    assert "Joseph Mshana introduced you to each other on" in reminder.get_content()
    introduction.refresh_from_db()
    row = the_concern().row(introduction)
    assert row.action == "View", "reminded once: the dashboard only shows it now"
    assert 'id="remind"' not in client.get(introduction.get_absolute_url()).content.decode()


def test_an_answered_introduction_is_not_reminded(client, sides, mailboxes):
    introduction = sent_days_ago(introduced(sides), 15)
    Introduction.objects.filter(pk=introduction.pk).update(answered=timezone.now())
    client.force_login(sides.mentor)
    client.post(reverse("mentoring:introduction_remind", args=[introduction.pk]))
    assert mail_to(mailboxes, BURA, "Reminder:") == []


def test_only_the_introducer_and_mentors_remind(client, sides):
    introduction = sent_days_ago(introduced(sides), 15)
    client.force_login(sides.learner)  # a member of Kilulu's growers: reads it, may not remind
    assert client.get(introduction.get_absolute_url()).status_code == 200
    response = client.post(reverse("mentoring:introduction_remind", args=[introduction.pk]))
    assert response.status_code == 404
    introduction.refresh_from_db()
    assert introduction.reminded is None


def test_no_reminder_before_fourteen_days(client, sides, mailboxes):
    introduction = sent_days_ago(introduced(sides), 3)
    client.force_login(sides.mentor)
    page = client.get(introduction.get_absolute_url()).content.decode()
    assert 'id="remind"' not in page and "a reminder can be sent from" in page
    client.post(reverse("mentoring:introduction_remind", args=[introduction.pk]))
    assert mail_to(mailboxes, BURA, "Reminder:") == []
