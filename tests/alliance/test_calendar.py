"""iCalendar feeds: one per alliance and one per person. A calendar program cannot sign in,
so a signed link stands in; without it a private alliance's feed does not exist, and a
public alliance's shows only what its dashboard shows (spaces and stages, no tasks)."""

import datetime
from typing import Any

import pytest
from django.test import Client

from learnlink.alliance.calendar.links import alliance_token, person_token
from learnlink.alliance.models import LearningSpace, Visibility
from learnlink.alliance.planning import actions as planning
from learnlink.lib.ical import Event, calendar
from tests.alliance.teams import D, Small, make_small, signed_in

pytestmark = pytest.mark.django_db


def parse(data: bytes) -> list[dict[str, str]]:
    """The VEVENTs of a feed as {property: value}: CRLF lines, unfolded, checked as we go."""
    text = data.decode()
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text[:-2].split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded: list[str] = []
    for line in lines:
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in unfolded and any(u.startswith("PRODID:") for u in unfolded)
    events: list[dict[str, str]] = []
    for line in unfolded:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT" and not line.startswith("END:V"):
            name, _colon, value = line.partition(":")
            events[-1][name] = value
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"} <= event.keys()
    return events


@pytest.fixture
def small(network: dict[str, Any]) -> Small:
    small = make_small(network)
    space = LearningSpace.objects.create(
        cycle=small.first, kind="residential_course", title="Grading course, Muheza; day one",
        place_name="Muheza", start=D(2003, 4, 7), end=D(2003, 4, 11))
    planning.record_attendance(space, [small.grower.person], [])
    plan = planning.plan_for(small.growers, small.first)
    planning.add_task(plan, title="Grade the oranges", owner=small.grower.person,
                      due=D(2003, 5, 20))
    planning.add_task(planning.plan_for(small.spies, small.first), title="Rice prices",
                      owner=small.spy.person, due=D(2003, 5, 21))
    return small


def test_the_alliance_feed_has_its_spaces_and_task_due_dates(small: Small) -> None:
    token = alliance_token(small.alliance)
    response = Client().get(f"/alliances/tanga-oranges/calendar/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = parse(response.content)
    course = next(e for e in events if e["UID"].startswith("space-"))
    assert course["SUMMARY"] == "Grading course\\, Muheza\\; day one (residential course)"
    assert course["DTSTART;VALUE=DATE"] == "20030407"
    assert course["DTEND;VALUE=DATE"] == "20030412"  # the day after the last, as RFC 5545 says
    assert course["LOCATION"] == "Muheza"
    due = sorted(e["SUMMARY"] for e in events if e["UID"].startswith("task-"))
    assert due == ["Due: Grade the oranges (Kilulu Orange Growers)",
                   "Due: Rice prices (Babati Market Spies)"]


def test_a_private_alliances_feed_needs_its_token(small: Small) -> None:
    assert Client().get("/alliances/tanga-oranges/calendar.ics").status_code == 404
    assert Client().get("/alliances/tanga-oranges/calendar/forged.ics").status_code == 404
    other = make_other(small)
    assert Client().get(
        f"/alliances/tanga-oranges/calendar/{alliance_token(other)}.ics").status_code == 404


def make_other(small: Small) -> Any:
    from learnlink.alliance.models import Alliance

    return Alliance.objects.create(name="Other", slug="other", goal="-",
                                   start=D(2003, 1, 1), end=D(2003, 12, 31),
                                   visibility=Visibility.PUBLIC)


def test_a_public_alliances_open_feed_leaves_out_the_tasks(small: Small) -> None:
    small.alliance.visibility = Visibility.PUBLIC
    small.alliance.save()
    events = parse(Client().get("/alliances/tanga-oranges/calendar.ics").content)
    assert [e["UID"].split("-")[0] for e in events] == ["space"]
    assert "Grade the oranges" not in str(events)


def test_a_persons_feed_has_their_spaces_and_tasks_only(small: Small) -> None:
    halima = small.grower.person
    events = parse(Client().get(f"/alliances/calendar/{person_token(halima)}.ics").content)
    assert sorted(e["SUMMARY"] for e in events) == [
        "Due: Grade the oranges (Kilulu Orange Growers)",
        "Grading course\\, Muheza\\; day one (residential course)"]
    juma = small.spy.person
    events = parse(Client().get(f"/alliances/calendar/{person_token(juma)}.ics").content)
    assert [e["SUMMARY"] for e in events] == ["Due: Rice prices (Babati Market Spies)"]
    forged = f"{halima.pk:x}-{person_token(juma).split('-')[1]}"
    assert Client().get(f"/alliances/calendar/{forged}.ics").status_code == 404


def test_an_insider_finds_the_links_and_a_stranger_does_not(small: Small,
                                                             outsider: Any) -> None:
    page = signed_in(small.grower).get("/alliances/tanga-oranges/calendar/")
    assert alliance_token(small.alliance) in page.content.decode()
    assert person_token(small.grower.person) in page.content.decode()
    assert signed_in(outsider).get("/alliances/tanga-oranges/calendar/").status_code == 404


def test_long_lines_are_folded_without_splitting_a_character() -> None:
    title = "Mafunzo ya ukaguzi wa machungwa — " * 5
    data = calendar("Jaribio", [Event("x@y", title, datetime.date(2003, 1, 1),
                                      datetime.date(2003, 1, 1))],
                    datetime.datetime(2003, 1, 1, tzinfo=datetime.UTC))
    [event] = parse(data)
    assert event["SUMMARY"] == title.replace(",", "\\,")
