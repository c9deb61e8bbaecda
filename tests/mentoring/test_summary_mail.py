"""The mentors' morning summary: the dashboard by email, read from the real SMTP sink. One mail
per mentor per day, only when something waits, in the mentor's language, linking to
/mentoring/ and saying what the dashboard says."""

from __future__ import annotations

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from learnlink.lib.links import absolute_url
from learnlink.mentoring.dashboard.summary import send_morning_summaries
from tests.catalogue import english_in, readable_text
from tests.conftest import email_from, make_person
from tests.mentoring.conftest import post

JOSEPH = "joseph.mshana@example.org"
TODAY = datetime.date(2026, 12, 7)


def hold(mail_server, group, sender: str, subject: str) -> None:
    mail_server.send(email_from(f"Daudi Tlatla <{sender}>", group.address, subject,
                                "From Lushoto."), group.address)


def summaries_to(sink, address: str) -> list:
    """The summaries among what `address` received (members also get the group's mail)."""
    return [message for message in sink.to(address)
            if message["From"] == settings.DEFAULT_FROM_EMAIL]


def dashboard_rows(client) -> list[str]:
    """Each row's text, as the dashboard shows it."""
    page = client.get(reverse("mentoring:dashboard")).content.decode()
    return [readable_text(row) for row in re.findall(r'<li><a href="[^"]+">(.*?)</a><br>', page)]


def test_the_summary_says_what_the_dashboard_shows_and_links_to_it(
        client, mail_server, oranges, mentor, smtp_sink):
    hold(mail_server, oranges, "daudi@example.net", "First try")
    hold(mail_server, oranges, "rehema@example.net", "Second try")
    post(mail_server, oranges, "halima@example.org", "Crates",
         "Who sells strong crates in Muheza?", days_ago=8)

    assert send_morning_summaries(TODAY) == 1
    [summary] = summaries_to(smtp_sink, JOSEPH)
    assert summary["Subject"] == "2 things wait for a mentor in your groups"
    assert summary["Auto-Submitted"] == "auto-generated"
    text = summary.get_content()
    assert "2 messages wait for a moderator (Muheza orange growers)" in text
    assert absolute_url("exchange:moderation", oranges.slug) in text
    assert 'Halima Omari asked: “Who sells strong crates in Muheza?”' in text
    assert text.rstrip().endswith(absolute_url("mentoring:dashboard"))
    client.force_login(mentor)
    rows = dashboard_rows(client)
    assert len(rows) == 2 and all(row in text for row in rows)

    assert send_morning_summaries(TODAY) == 0, "one mail a day"
    assert len(summaries_to(smtp_sink, JOSEPH)) == 1
    assert send_morning_summaries(TODAY + datetime.timedelta(days=1)) == 1


def test_a_mentor_with_nothing_waiting_gets_no_mail(mail_server, oranges, mentor, smtp_sink):
    post(mail_server, oranges, "halima@example.org", "Crates", "We bought crates.", days_ago=1)
    assert send_morning_summaries(TODAY) == 0
    assert summaries_to(smtp_sink, JOSEPH) == []


def test_a_mentor_without_an_account_hears_of_their_groups_only(
        mail_server, oranges, network, smtp_sink):
    from learnlink.exchange.membership import add_member, create_group

    make_person("Zuhura Shemdoe", "zuhura@example.org")
    add_member(oranges, "zuhura@example.org", role="mentor")
    other = create_group("market-spies", "Market spies")
    hold(mail_server, oranges, "daudi@example.net", "First try")
    hold(mail_server, other, "daudi@example.net", "Elsewhere")

    assert send_morning_summaries(TODAY) == 2  # Zuhura and Joseph, the group's mentors
    [summary] = summaries_to(smtp_sink, "zuhura@example.org")
    assert "Muheza orange growers" in summary.get_content()
    assert "Market spies" not in summary.get_content()


@pytest.mark.parametrize(("language", "subject"), [
    ("sw", "Mambo 2 yanamsubiri mshauri katika vikundi vyako"),
    ("fr", "2 choses attendent un mentor dans vos groupes")])
def test_the_summary_is_in_the_mentors_language(language, subject, mail_server, oranges,
                                                mentor, smtp_sink):
    mentor.person.languages = language
    mentor.person.save(update_fields=["languages"])
    hold(mail_server, oranges, "daudi@example.net", "First try")
    post(mail_server, oranges, "halima@example.org", "Crates",
         "Who sells strong crates in Muheza?", days_ago=8)

    send_morning_summaries(timezone.localdate())
    [summary] = summaries_to(smtp_sink, JOSEPH)
    assert summary["Subject"] == subject
    assert english_in(summary.get_content(), language) == []
