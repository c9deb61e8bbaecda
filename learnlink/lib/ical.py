"""iCalendar feeds (RFC 5545) written with the icalendar package: all-day events only, which is
all an alliance needs (learning spaces, stages of a cycle, task due dates). The package does the
escaping, the CRLF lines and the folding at 75 octets."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar

PRODID = "-//Learnlink//Learning alliances//EN"


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    first: datetime.date
    last: datetime.date  # inclusive; written as DTEND the day after, as RFC 5545 wants
    description: str = ""
    location: str = ""
    url: str = ""
    categories: str = ""


def _vevent(event: Event, stamp: datetime.datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.first)
    vevent.add("dtend", event.last + datetime.timedelta(days=1))
    vevent.add("summary", event.summary)
    vevent.add("transp", "TRANSPARENT")
    for name, value in (("description", event.description), ("location", event.location),
                        ("url", event.url)):
        if value:
            vevent.add(name, value)
    if event.categories:
        vevent.add("categories", [event.categories])
    return vevent


def calendar(name: str, events: Iterable[Event], stamp: datetime.datetime) -> bytes:
    """The whole feed; `stamp` (aware) is written, in UTC, as every event's DTSTAMP."""
    feed = icalendar.Calendar()
    feed.add("version", "2.0")
    feed.add("prodid", PRODID)
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    utc = stamp.astimezone(datetime.UTC)
    for event in events:
        feed.add_component(_vevent(event, utc))
    return bytes(feed.to_ical())
