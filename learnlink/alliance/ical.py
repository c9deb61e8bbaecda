"""Writing iCalendar (RFC 5545) by hand: all-day events only, which is all an alliance needs
(learning spaces, stages of a cycle, task due dates). Lines end in CRLF, text is escaped and
long lines are folded at 75 octets without splitting a UTF-8 character."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

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


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, continued with CRLF + space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts: list[str] = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a UTF-8 character
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74  # continuation lines start with a space
    return "\r\n ".join(parts)


def _date(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def calendar(name: str, events: Iterable[Event], stamp: datetime.datetime) -> bytes:
    """The whole feed; `stamp` (aware) is written as every event's DTSTAMP."""
    utc = stamp.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}"]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{utc}",
                  f"DTSTART;VALUE=DATE:{_date(event.first)}",
                  f"DTEND;VALUE=DATE:{_date(event.last + datetime.timedelta(days=1))}",
                  f"SUMMARY:{escape(event.summary)}", "TRANSP:TRANSPARENT"]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        if event.location:
            lines.append(f"LOCATION:{escape(event.location)}")
        if event.categories:
            lines.append(f"CATEGORIES:{escape(event.categories)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()
