"""The mentor dashboard's pages: who may open them, what a mentor of one group sees of the
others, its pages of rows, and a number of queries that does not grow with the groups or rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learnlink.mail.inbox import receive
from learnlink.mail.models import Source
from tests.conftest import email_from, make_member, make_person
from tests.mentoring.conftest import post

STRANGER = "stranger@example.net"


def hold_and_quarantine(group) -> None:
    """A stranger's message held for a moderator, and a looping one quarantined."""
    for message in (email_from(STRANGER, group.address, "Prices at the market", "How much?"),
                    email_from(STRANGER, group.address, "Out of office", "I am away.",
                               List_Id=f"<{group.list_id}>")):
        receive(message.as_bytes(), [group.address], Source.PIPE)


@pytest.fixture
def private_room(oranges, learner):
    """The mentors' private room, with a held message and a question nobody answered."""
    from learnlink.exchange.membership import add_member, create_group

    room = create_group("mentors-room", "Mentors' room", private=True)
    add_member(room, "joseph.mshana@example.org", role="mentor")
    add_member(room, "halima@example.org")
    hold_and_quarantine(room)
    receive(email_from("halima@example.org", room.address, "Visits",
                       "Who visits Kilulu next month?").as_bytes(), [room.address], Source.PIPE)
    return room


@pytest.fixture
def group_mentor(oranges):
    """Rehema mentors the orange growers' group only: no network role."""
    from learnlink.exchange.membership import add_member

    user = make_member(None, "Rehema Mbaga", "rehema.mbaga@example.org")
    add_member(oranges, "rehema.mbaga@example.org", role="mentor")
    return user


def urls(slug: str) -> list[str]:
    return [reverse("mentoring:dashboard"), reverse("mentoring:group", args=[slug])]


def test_a_guest_is_asked_to_sign_in(client, oranges):
    for url in urls(oranges.slug):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/")


@pytest.mark.parametrize("persona", ["learner", "outsider", "coordinator"])
def test_whoever_mentors_nothing_finds_nothing(client, oranges, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert [client.get(url).status_code for url in urls(oranges.slug)] == [404, 404]
    settings = reverse("mentoring:group_settings", args=[oranges.slug])
    assert client.post(settings, {"answer_days": 1}).status_code == 404
    assert 'href="/mentoring/"' not in client.get("/").content.decode()


def test_a_mentor_of_one_group_sees_nothing_of_another_private_group(
        client, oranges, private_room, group_mentor):
    hold_and_quarantine(oranges)
    client.force_login(group_mentor)
    page = client.get(reverse("mentoring:dashboard")).content.decode()
    assert "Muheza orange growers" in page and "1 message waits for a moderator" in page
    assert "Mentors&#x27; room" not in page and "Who visits Kilulu" not in page
    assert page.count("1 message waits for a moderator") == 1
    assert client.get(reverse("mentoring:group", args=[private_room.slug])).status_code == 404
    refused = client.post(reverse("mentoring:group_settings", args=[private_room.slug]),
                          {"answer_days": 1})
    assert refused.status_code == 404


def test_the_network_mentor_sees_every_group_they_mentor_and_acts_from_each_row(
        client, oranges, private_room, mentor):
    hold_and_quarantine(oranges)
    client.force_login(mentor)
    page = client.get(reverse("mentoring:dashboard")).content.decode()
    assert 'href="/mentoring/"' in page, "the menu offers the dashboard"
    assert "Halima Omari asked: “Who visits Kilulu next month?”" in page
    for name in ("moderation", "quarantine"):
        for group in (oranges, private_room):
            assert f'href="{reverse(f"exchange:{name}", args=[group.slug])}"' in page
    assert f'href="{reverse("mentoring:group", args=[private_room.slug])}"' in page
    room = client.get(reverse("mentoring:group", args=[private_room.slug])).content.decode()
    assert "Who visits Kilulu" in room and "Prices at the market" not in room
    assert room.count("1 message waits for a moderator") == 1


def test_each_concern_has_pages_of_its_own(client, oranges, mentor, mail_server):
    for n in range(12):
        post(mail_server, oranges, "halima@example.org", f"Question {n}",
             f"Who has a lorry for crates number {n}?", days_ago=20 - n)
    hold_and_quarantine(oranges)
    client.force_login(mentor)
    first = client.get(reverse("mentoring:dashboard")).content.decode()
    assert "crates number 11?" in first and "crates number 2?" in first
    assert "crates number 1?" not in first
    assert 'href="?questions=2#questions"' in first

    second = client.get(reverse("mentoring:dashboard") + "?questions=2&held=1").content.decode()
    assert "crates number 1?" in second and "crates number 0?" in second
    assert "crates number 2?" not in second
    assert "Page 2 of 2" in second and "1 message waits for a moderator" in second
    assert 'href="?questions=1&amp;held=1#questions"' in second


def many_groups(count: int, start: int = 0) -> None:
    """Groups the mentor mentors, each with a question nobody answered, a held message, a
    quarantined one and a member whose address bounces."""
    from learnlink.exchange.membership import add_member, create_group

    for n in range(start, start + count):
        group = create_group(f"group-{n}", f"Group {n}")
        add_member(group, "joseph.mshana@example.org", role="mentor")
        add_member(group, "halima@example.org")
        bouncing = make_person(f"Member {n}", f"member{n}@example.net")
        add_member(group, f"member{n}@example.net")
        bouncing.email_addresses.update(bounce_score=2)
        message = email_from("halima@example.org", group.address, f"Crates {n}",
                             f"Who sells crates near group {n}?")
        del message["Date"]
        message["Date"] = "Mon, 02 Feb 2026 10:00:00 +0300"
        receive(message.as_bytes(), [group.address], Source.PIPE)
        hold_and_quarantine(group)


@pytest.mark.django_db
def test_the_queries_do_not_grow_with_the_groups_or_the_rows(
        client, learner, mentor, django_assert_max_num_queries):
    many_groups(2)
    client.force_login(mentor)
    client.get(reverse("mentoring:dashboard"))
    # A query or two for each concern every tool registers; what matters is what follows.
    with django_assert_max_num_queries(30) as few:
        page = client.get(reverse("mentoring:dashboard")).content.decode()
    assert page.count("Who sells crates") == 2

    many_groups(18, start=2)
    with django_assert_max_num_queries(len(few)):
        page = client.get(reverse("mentoring:dashboard")).content.decode()
    assert page.count("Who sells crates") == 10
    assert page.count("1 message waits for a moderator") == 10
    assert page.count("member&#x27;s address bounces") == 10
    with django_assert_max_num_queries(len(few) + 1):  # the group's settings
        client.get(reverse("mentoring:group", args=["group-7"]))


def test_the_dashboard_shows_whatever_another_tool_registers(client, oranges, mentor,
                                                             monkeypatch):
    """Other tools (syntheses, introductions...) register their concerns in their branches."""
    from learnlink.exchange.models import Thread
    from learnlink.mentoring import concerns

    receive(email_from("halima@example.org", oranges.address, "Grading oranges",
                       "We grade in three sizes.").as_bytes(), [oranges.address], Source.PIPE)
    monkeypatch.setitem(concerns._CONCERNS, "threads", concerns.Concern(
        "threads", "Threads to draw together",
        lambda groups, now: Thread.objects.filter(group__in=groups).order_by("pk"),
        lambda thread: concerns.Row(thread.subject, thread.get_absolute_url(), "Synthesise",
                                    "/synthesise/", thread.group)))
    client.force_login(mentor)
    page = client.get(reverse("mentoring:group", args=[oranges.slug])).content.decode()
    assert "Threads to draw together" in page and ">Grading oranges</a>" in page
    assert 'href="/synthesise/">Synthesise</a>' in page
