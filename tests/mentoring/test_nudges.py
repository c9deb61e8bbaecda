"""Nudges on a controlled clock: the worker's run is given its `now`, mail really goes through
the outbox to a real SMTP server, and what a reader notices is checked: a quiet group, a
question nobody answered and a plan with no news each bring a polite reminder, at a decent hour
of the group's day, once, at most one a week per organisation, and never after "not now" or an
opt-out; mentors switch them off per group and get a weekly summary."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from learnlink.exchange.models import Membership
from learnlink.mail.models import Outgoing
from learnlink.mentoring.labels.labelling import label_new_messages
from learnlink.mentoring.models import Nudge
from learnlink.mentoring.nudges.sending import send_nudges
from learnlink.mentoring.nudges.summary import send_weekly_summaries
from learnlink.mentoring.nudges.tasks import hourly_nudges, weekly_nudge_summary
from tests.conftest import make_person
from tests.mentoring.conftest import KILULU, KILULU_MEMBER, SPY, post

NAIROBI = zoneinfo.ZoneInfo(settings.TIME_ZONE)  # the group's time zone (Group.time_zone)
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


def local(days_from_today: int, hour: int, minute: int = 20) -> datetime.datetime:
    """A moment of the group's own day, `days_from_today` from today."""
    day = timezone.localdate() + datetime.timedelta(days=days_from_today)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=NAIROBI)


def said_on(mail_server, group, sender: str, subject: str, body: str,
            when: datetime.datetime, reply_to=None):
    """Mail to the group, dated `when`, as a member's mail program sends it."""
    return post(mail_server, group, sender, subject, body,
                days_ago=(timezone.now() - when) / DAY, reply_to=reply_to)


def nudges_to(sink, address: str) -> list:
    return [m for m in sink.to(address) if m["From"] == settings.DEFAULT_FROM_EMAIL]


def links_in(mail) -> list[str]:
    return re.findall(r"https?://\S+/mentoring/nudges/\S+/", mail.get_content())


@pytest.fixture
def circles(network, oranges):
    """Muheza's orange growers' group with two organisations in its inner circle (Kilulu's
    growers, two people; Babati's market spies) and a donor looking on from outside."""
    make_person("Athumani Kaniki", KILULU_MEMBER, network["growers"], "member")
    make_person("Daudi Tlatla", SPY, network["spies"], "market spy")
    Membership.objects.create(group=oranges, organisation=network["spies"])
    donor = make_person("Ruth Kamau", "ruth@agrifund.example.org")
    Membership.objects.create(group=oranges, person=donor, role="observer")
    return oranges


def test_a_quiet_group_is_nudged_at_a_decent_hour_once(mail_server, circles, smtp_sink):
    said_on(mail_server, circles, "halima@example.org", "Crates",
            "We bought crates in Tanga.", local(-31, 10))

    assert send_nudges(local(0, 22)) == 0, "22:20 in Muheza: quiet hours"
    assert send_nudges(local(1, 6)) == 0, "06:20: still quiet hours"
    assert nudges_to(smtp_sink, KILULU) == []
    assert send_nudges(local(1, 7)) == 2  # Kilulu's growers and Babati's market spies

    [growers] = nudges_to(smtp_sink, KILULU)
    assert growers["Subject"] == "Muheza orange growers has been quiet for 31 days"
    assert growers["Reply-To"] == circles.address
    assert growers["Auto-Submitted"] == "auto-generated"
    text = growers.get_content()
    assert "Hello Mwanaisha Shabani," in text
    assert "Is there news from Kilulu Orange Growers to share" in text
    assert len(links_in(growers)) == 2  # "not now" and "no more reminders"
    assert len(nudges_to(smtp_sink, KILULU_MEMBER)) == 1, "each of the organisation's people"
    assert len(nudges_to(smtp_sink, SPY)) == 1
    assert nudges_to(smtp_sink, "halima@example.org") == [], "a member in her own name"
    assert nudges_to(smtp_sink, "ruth@agrifund.example.org") == [], "the outer circle"
    assert Outgoing.objects.filter(subject=growers["Subject"]).count() == 3

    for hour in (8, 9, 15):
        assert send_nudges(local(1, hour)) == 0, "never twice"
    assert send_nudges(local(9, 10)) == 0, "the same quiet spell, a week later"
    assert len(nudges_to(smtp_sink, KILULU)) == 1


def test_one_nudge_per_organisation_per_week(mail_server, circles, smtp_sink):
    """Kilulu shared a plan two months ago, and Babati's question waits for it: one of the two
    this week, the other a week later, never both at once."""
    said_on(mail_server, circles, KILULU, "Grading",
            "Next month we will try grading the oranges in three sizes before the buyer comes.",
            local(-61, 9))
    said_on(mail_server, circles, SPY, "Crates in Tanga",
            "Who sells strong crates in Tanga?", local(-8, 9))
    label_new_messages(now=local(0, 9))

    assert send_nudges(local(0, 9)) == 1
    [first] = nudges_to(smtp_sink, KILULU)
    assert first["Subject"] == "A question in Muheza orange growers waits for an answer"
    assert "Daudi Tlatla asked in Muheza orange growers 8 days ago" in first.get_content()
    assert nudges_to(smtp_sink, SPY) == [], "the asker is not asked to answer"
    assert [send_nudges(local(day, 9)) for day in range(1, 7)] == [0] * 6
    assert len(nudges_to(smtp_sink, KILULU)) == 1

    assert send_nudges(local(7, 9)) == 1
    second = nudges_to(smtp_sink, KILULU)[-1]
    assert second["Subject"] == "How did it go? “Grading”"
    assert "68 days ago Kilulu Orange Growers shared a plan in Muheza orange growers" \
        in second.get_content()


def test_a_plan_with_news_since_is_not_nudged(mail_server, circles, smtp_sink):
    plan = said_on(mail_server, circles, KILULU, "Grading",
                   "Next month we will try grading the oranges in three sizes.", local(-61, 9))
    said_on(mail_server, circles, KILULU_MEMBER, "Re: Grading",
            "The buyer paid more for the large ones.", local(-20, 9), reply_to=plan)
    label_new_messages(now=local(0, 9))
    assert send_nudges(local(0, 9)) == 0
    assert not Nudge.objects.exists()


def test_not_now_snoozes_that_kind_for_the_organisation(client, mail_server, circles,
                                                        smtp_sink):
    said_on(mail_server, circles, SPY, "Crates", "Who sells strong crates in Tanga?",
            local(-8, 9))
    assert send_nudges(local(0, 9)) == 1
    not_now, _stop = links_in(nudges_to(smtp_sink, KILULU)[0])
    page = client.get(not_now).content.decode()
    assert "Pause for thirty days the reminders about an unanswered question to Kilulu " \
        "Orange Growers?" in page
    done = client.post(not_now).content.decode()
    assert "Done: reminders about an unanswered question to Kilulu Orange Growers are " \
        "paused for thirty days." in done

    said_on(mail_server, circles, SPY, "Boxes", "Who sells cardboard boxes in Tanga?",
            local(0, 10))
    assert send_nudges(local(8, 10)) == 0
    assert len(nudges_to(smtp_sink, KILULU)) == 1


def test_an_opt_out_stops_nudges_for_that_person_only(client, mail_server, circles, smtp_sink):
    said_on(mail_server, circles, "halima@example.org", "Crates", "We bought crates.",
            local(-31, 10))
    assert send_nudges(local(0, 10)) == 2
    _not_now, stop = links_in(nudges_to(smtp_sink, KILULU)[0])
    assert "No more reminders for Mwanaisha Shabani?" in client.get(stop).content.decode()
    client.post(stop)

    said_on(mail_server, circles, "halima@example.org", "Boxes", "And boxes.", local(0, 11))
    assert send_nudges(local(31, 10)) == 2  # a new quiet spell
    assert len(nudges_to(smtp_sink, KILULU)) == 1, "Mwanaisha opted out"
    assert len(nudges_to(smtp_sink, KILULU_MEMBER)) == 2, "Athumani did not"


def test_a_link_that_was_tampered_with_does_nothing(client, mail_server, circles, smtp_sink):
    said_on(mail_server, circles, "halima@example.org", "Crates", "We bought.", local(-31, 10))
    send_nudges(local(0, 10))
    not_now, stop = links_in(nudges_to(smtp_sink, KILULU)[0])
    for link in (not_now, stop):
        answer = client.post(link[:-3] + "xx/")  # the signature's last letters changed
        assert answer.status_code == 400
        assert "This link does not work" in answer.content.decode()
    assert client.get(not_now).wsgi_request.user.is_anonymous, "a link never signs in"


def test_a_mentor_switches_a_groups_nudges_off(client, mail_server, circles, mentor,
                                               smtp_sink):
    said_on(mail_server, circles, "halima@example.org", "Crates", "We bought.", local(-31, 10))
    client.force_login(mentor)
    page = client.get(reverse("mentoring:group", args=[circles.slug])).content.decode()
    assert "Switch reminders off" in page
    client.post(reverse("mentoring:group_nudges", args=[circles.slug]), {"nudges": "off"})
    page = client.get(reverse("mentoring:group", args=[circles.slug])).content.decode()
    assert "Switch reminders on" in page and "organisations are switched off." in page
    assert send_nudges(local(0, 10)) == 0
    client.post(reverse("mentoring:group_nudges", args=[circles.slug]), {"nudges": "on"})
    assert send_nudges(local(0, 10)) == 2


def test_only_the_groups_mentors_switch_its_nudges(client, circles, learner):
    client.force_login(learner)
    answer = client.post(reverse("mentoring:group_nudges", args=[circles.slug]),
                         {"nudges": "off"})
    assert answer.status_code == 404


def test_mentors_get_a_weekly_summary_of_the_nudges(mail_server, circles, smtp_sink):
    said_on(mail_server, circles, "halima@example.org", "Crates", "We bought.", local(-31, 10))
    send_nudges(local(0, 10))
    monday = local(7 - timezone.localdate().weekday(), 8)
    assert send_weekly_summaries(monday) == 1
    [summary] = nudges_to(smtp_sink, "joseph.mshana@example.org")
    assert summary["Subject"] == "2 reminders sent this week in your groups"
    text = summary.get_content()
    assert "* Kilulu Orange Growers (Muheza orange growers): a quiet group" in text
    assert "* Babati Market Spies (Muheza orange growers): a quiet group" in text
    assert send_weekly_summaries(monday + HOUR) == 0, "once a week"


def test_the_worker_nudges_every_hour_and_sums_up_on_monday_mornings():
    hourly = hourly_nudges.task_class()  # type: ignore[attr-defined]
    weekly = weekly_nudge_summary.task_class()  # type: ignore[attr-defined]
    monday = datetime.datetime(2026, 12, 7, 5, 0)  # noqa: DTZ001  Huey's clock: naive UTC
    assert hourly.validate_datetime(monday.replace(minute=20))
    assert hourly.validate_datetime(monday.replace(hour=13, minute=20))
    assert not hourly.validate_datetime(monday)
    assert weekly.validate_datetime(monday)
    assert not weekly.validate_datetime(monday + DAY)


def test_an_organisation_in_the_group_through_its_people_hears_through_them(
        mail_server, network, oranges, smtp_sink):
    """Babati's market spies are not a member, but Daudi, one of them, is, in his own name:
    the spies are nudged through Daudi, not through a colleague outside the group."""
    from learnlink.exchange.membership import add_member

    make_person("Daudi Tlatla", SPY, network["spies"], "market spy")
    make_person("Juma Bakari", "juma.bakari@example.org", network["spies"], "market spy")
    add_member(oranges, SPY)
    said_on(mail_server, oranges, "halima@example.org", "Crates", "We bought.", local(-31, 10))

    assert send_nudges(local(0, 10)) == 2  # Kilulu's growers (a member), Babati's spies
    [daudi] = nudges_to(smtp_sink, SPY)
    assert "Is there news from Babati Market Spies to share" in daudi.get_content()
    assert nudges_to(smtp_sink, "juma.bakari@example.org") == []


def test_a_link_from_an_old_reminder_has_expired(client, network, db):
    """A "not now" signed 31 days ago (the reminder's links work for 30) snoozes nothing."""
    import time

    from django.core import signing

    from learnlink.mentoring.models import NudgeSnooze
    from learnlink.mentoring.nudges.links import NOT_NOW_SALT

    class MonthOld(signing.TimestampSigner):
        def timestamp(self) -> str:
            return signing.b62_encode(int(time.time()) - 31 * 24 * 3600)

    token = MonthOld(salt=NOT_NOW_SALT).sign_object({"o": network["growers"].pk, "k": "quiet"})
    answer = client.post(reverse("mentoring:nudge_not_now", args=[token]))
    assert answer.status_code == 400
    assert "This link is too old" in answer.content.decode()
    assert not NudgeSnooze.objects.exists()
