"""The home page shows what is happening: the latest discussions of the groups the reader may
see, the groups where they happen and who joined the directory, the directory one link away;
and after the whole `learnlink demo`, what happens is recent (the alliance keeps its dates)."""

from __future__ import annotations

import datetime
import email.utils
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from learnlink.alliance.models import Alliance
from learnlink.exchange.membership import add_member, create_group
from learnlink.exchange.models import Group, Message
from learnlink.knowledge.models import Practice, Story
from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item
from tests.conftest import email_from


def post(group: Group, sender: str, subject: str, text: str) -> None:
    receive(email_from(sender, group.address, subject, text).as_bytes(), [group.address],
            Source.PIPE)


@pytest.mark.django_db
def test_the_home_page_shows_the_latest_discussions_the_reader_may_see(
        client, oranges, mentor, outsider, django_assert_max_num_queries) -> None:
    post(oranges, "halima@example.org", "Grading oranges", "Three sizes before the lorry.")
    mentors = create_group("mentors", "Mentors' room", private=True)
    add_member(mentors, "joseph.mshana@example.org", role="mentor")
    post(mentors, "joseph.mshana@example.org", "Who visits Muheza next", "I can go in May.")

    with django_assert_max_num_queries(9):
        html = client.get(reverse("home")).content.decode()
    assert "Grading oranges" in html and "Muheza orange growers" in html
    assert "Who visits Muheza next" not in html and "Mentors&#x27; room" not in html
    assert f'href="{reverse("people:directory")}"' in html
    client.force_login(outsider)
    assert "Who visits Muheza next" not in client.get(reverse("home")).content.decode()
    client.force_login(mentor)
    assert "Who visits Muheza next" in client.get(reverse("home")).content.decode()


def synthesise(group: Group, subject: str, title: str, publish: bool = True) -> None:
    post(group, "halima@example.org", subject, "Three sizes before the lorry.")
    thread = group.threads.get(subject=subject)
    synthesis = services.start(group, [thread], title=title, language="en", by=None,
                               content=Content([Item("Three sizes.",
                                                     thread.messages.get().message_id)], ""))
    if publish:
        services.publish(synthesis)


@pytest.mark.django_db
def test_the_home_page_shows_what_the_network_published(
        client, oranges, network, mentor, django_assert_max_num_queries) -> None:
    for n in range(7):
        Practice.objects.create(title=f"Practice number {n}", summary="How it went.",
                                language="en", state="published")
    Practice.objects.create(title="A draft practice", summary="Not yet.", language="en")
    Story.objects.create(kind="news", title="Mushrooms reach Morogoro", summary="From Hai.",
                         body="The Tujikomboe group grows them.", language="en",
                         state="published")
    Story.objects.create(title="A story still in draft", summary="Not yet.", body="Soon.",
                         language="en")
    synthesise(oranges, "Grading oranges", "Three grades for the Tanga buyer")
    synthesise(oranges, "Crates", "A synthesis still in draft", publish=False)
    mentors = create_group("mentors", "Mentors' room", private=True)
    add_member(mentors, "halima@example.org")
    synthesise(mentors, "Who visits Muheza", "Visits of the mentors")

    with django_assert_max_num_queries(11):
        html = client.get(reverse("home")).content.decode()

    assert "Mushrooms reach Morogoro" in html and "A story still in draft" not in html
    assert [n for n in range(7) if f"Practice number {n}<" in html] == [2, 3, 4, 5, 6]
    assert "A draft practice" not in html
    thread = oranges.threads.get(subject="Grading oranges")
    assert (f'<a href="{thread.get_absolute_url()}#synthesis" lang="en">Three grades for the '
            f"Tanga buyer</a>") in html
    assert "A synthesis still in draft" not in html and "Visits of the mentors" not in html
    client.force_login(mentor)
    assert "Visits of the mentors" not in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_after_the_whole_demo_the_discussions_are_recent_and_the_alliance_keeps_its_dates(
        ) -> None:
    call_command("demo", stdout=StringIO())
    now = timezone.now()

    dates = sorted(Message.objects.filter(is_placeholder=False, group__slug__in=DEMO_GROUPS)
                   .values_list("date", flat=True))
    assert now - datetime.timedelta(days=7) < dates[-1] < now
    assert dates[0] > now - datetime.timedelta(days=366)
    for slug in DEMO_GROUPS:
        latest = Message.objects.filter(group__slug=slug, date__isnull=False).latest("date").date
        assert latest > now - datetime.timedelta(days=120), slug
    for page in (reverse("home"), reverse("exchange:groups")):
        html = Client().get(page).content.decode()
        assert "active" in html and not re.search(r"active [^<]*year", html), page

    # A thread keeps its rhythm: Athumani answered Zuhura 4 days 16 hours 25 minutes later,
    # on a Saturday; a quoted date names the new date of the message it quotes.
    asked, answered = (Message.objects.filter(group__slug="oranges-muheza", is_placeholder=False)
                       .order_by("date")[:2])
    assert answered.date - asked.date == datetime.timedelta(days=4, hours=16, minutes=25)
    assert timezone.localtime(answered.date).strftime("%A %H:%M") == "Saturday 12:05"
    quoted = Message.objects.get(group__slug="warehouse-receipts",
                                 sender_name="Gabriel Mwakalinga", subject__startswith="Re:",
                                 inbound__source="mbox")  # not the synthesis he sent today
    quoting = Message.objects.get(group__slug="warehouse-receipts",
                                  quoted__contains="Gabriel Mwakalinga wrote")
    raw = bytes(quoting.inbound.raw).decode()
    written = email.utils.parsedate_to_datetime(
        re.search(r"^Date: (.*)$", bytes(quoted.inbound.raw).decode(), re.M).group(1))
    assert f"On {written:%d/%m/%Y %H:%M}, Gabriel Mwakalinga wrote:" in raw

    alliance = Alliance.objects.get(slug="ciat-crs-east-africa")
    assert (alliance.start, alliance.end) == (datetime.date(2003, 3, 1),
                                              datetime.date(2004, 10, 31))


DEMO_GROUPS = ["oranges-muheza", "market-spies", "warehouse-receipts", "mushrooms",
               "moringa-kakamega", "mentors"]
