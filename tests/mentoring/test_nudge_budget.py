"""One budget of reminder mail per person, whatever sends it: an alliance's task reminder and
a group's nudge share it (at most one a week), read from a real SMTP server. Halima plants
with Kilulu's growers and owns a task of their alliance plan; Mwanaisha chairs the group."""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings

from learnlink.alliance.planning import actions as planning
from learnlink.alliance.planning.reminders import send_reminders
from learnlink.exchange.membership import create_group
from learnlink.exchange.models import Membership
from learnlink.mentoring.nudges.sending import send_nudges
from tests.alliance.teams import D, make_small
from tests.mentoring.conftest import KILULU
from tests.mentoring.test_nudges import nudges_to, said_on

HALIMA = "halima@example.org"


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 20),
                                     tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def test_a_task_reminder_and_a_nudge_share_one_weekly_budget(network, mail_server, smtp_sink):
    small = make_small(network)
    halima = small.grower.person
    halima.affiliations.create(organisation=network["growers"], role="member")
    group = create_group("kilulu", "Kilulu growers")
    Membership.objects.create(group=group, organisation=network["growers"])
    said_on(mail_server, group, KILULU, "Grading", "We graded the oranges.", at(D(2003, 4, 1), 9))
    plan = planning.plan_for(small.growers, small.first)
    planning.add_task(plan, title="Grade the oranges in three sizes", owner=halima,
                      due=D(2003, 5, 20))

    assert send_reminders(D(2003, 5, 13)) == 1  # Halima's task, due in a week
    assert send_nudges(at(D(2003, 5, 13), 10)) == 1  # the group is quiet: Kilulu is nudged
    assert len(nudges_to(smtp_sink, KILULU)) == 1, "Mwanaisha had no reminder this week"
    assert [m["Subject"] for m in nudges_to(smtp_sink, HALIMA)] == [
        'Reminder: "Grade the oranges in three sizes" is due in 7 days'], \
        "Halima had hers: the nudge skips her"

    assert send_reminders(D(2003, 5, 21)) == 1  # overdue, eight days later: a new week
    # (the overdue one also goes to the coordinator: the sink holds a copy per recipient)
    assert {m["Subject"] for m in nudges_to(smtp_sink, HALIMA)[1:]} == {
        'Overdue: "Grade the oranges in three sizes"'}


def test_a_nudge_holds_back_a_task_reminder_until_the_week_is_over(network, mail_server,
                                                                   smtp_sink):
    small = make_small(network)
    halima = small.grower.person
    halima.affiliations.create(organisation=network["growers"], role="member")
    group = create_group("kilulu", "Kilulu growers")
    Membership.objects.create(group=group, organisation=network["growers"])
    said_on(mail_server, group, KILULU, "Grading", "We graded the oranges.", at(D(2003, 4, 1), 9))
    assert send_nudges(at(D(2003, 5, 12), 15)) == 1  # Halima and Mwanaisha are nudged
    plan = planning.plan_for(small.growers, small.first)
    planning.add_task(plan, title="Grade the oranges in three sizes", owner=halima,
                      due=D(2003, 5, 20))

    # The nudge left at 12:20 UTC on the 12th, the reminders leave at 06:30 UTC each day.
    assert [send_reminders(D(2003, 5, day)) for day in range(13, 21)] == [0] * 7 + [1], \
        "the reminder waits for the week, then goes"
