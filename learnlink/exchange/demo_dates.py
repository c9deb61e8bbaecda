"""The demo's discussions dated as if they were happening now.

The demo archives were written in 2003-2005, and a group whose last message is twenty years old
says "active 21 years ago": nobody trying Learnlink sees a living network. So the demo moves
its messages to the last few months before they are imported. All groups' messages, in date
order, fall into bursts (messages less than ten days apart); each burst moves by whole weeks,
so it keeps its own rhythm (the days and hours between replies, and their weekdays), while the
quiet time between bursts shrinks to a sixth: two years of exchanges fit in under a year, in
the same order, the newest a couple of days before the demo is loaded. Dates written
in a message move with what they name: a quoted "On 28/10/2003 20:10, ... wrote:" becomes the
new date of the message it quotes, a form's example day moves with its message. The alliance
keeps its real 2003-2004 dates: those are its history, not a conversation.

Only the bytes imported are moved; the archives on disk are unchanged.
"""

from __future__ import annotations

import datetime
import re
from email.parser import BytesHeaderParser
from email.utils import format_datetime, parsedate_to_datetime

WEEK = datetime.timedelta(days=7)
BURST_GAP = datetime.timedelta(days=10)
SHRINK = 6
QUIET_SINCE = datetime.timedelta(days=2)
_DATE_HEADER = re.compile(rb"^Date:[^\n]*\n", re.MULTILINE | re.IGNORECASE)
_QUOTED_MOMENT = re.compile(rb"\b\d{2}/\d{2}/\d{4} \d{2}:\d{2}\b")
_ISO_DAY = re.compile(rb"\b(\d{4})-(\d{2})-(\d{2})\b")
QUOTED = "%d/%m/%Y %H:%M"

Place = tuple[str, int]  # a group's key and the message's position in its archive


def dated_now(archives: dict[str, list[bytes]],
              now: datetime.datetime) -> dict[str, list[bytes]]:
    """The same messages of each group (a key), moved as the module says."""
    dates = sorted((_date(raw), (key, index)) for key, messages in archives.items()
                   for index, raw in enumerate(messages))
    shifts = _shifts([date for date, _place in dates], now)
    moves = {place: shift for (_date_, place), shift in zip(dates, shifts, strict=True)}
    quoted = {date.strftime(QUOTED).encode(): (date + shift).strftime(QUOTED).encode()
              for (date, _place), shift in zip(dates, shifts, strict=True)}
    return {key: [_moved(raw, _date(raw), moves[key, index], quoted)
                  for index, raw in enumerate(messages)]
            for key, messages in archives.items()}


def _shifts(dates: list[datetime.datetime], now: datetime.datetime) -> list[datetime.timedelta]:
    """How far each date (in order) moves: whole weeks, the same within a burst; from the
    newest burst back, each ends a sixth of its original quiet time before the next starts."""
    bursts: list[list[int]] = []
    for index, date in enumerate(dates):
        if bursts and date - dates[bursts[-1][-1]] < BURST_GAP:
            bursts[-1].append(index)
        else:
            bursts.append([index])
    shifts = [datetime.timedelta(0)] * len(dates)
    next_start: datetime.datetime | None = None
    next_original: datetime.datetime | None = None
    for burst in reversed(bursts):
        start, end = dates[burst[0]], dates[burst[-1]]
        if next_start is None or next_original is None:
            target = now - QUIET_SINCE
        else:
            target = next_start - (next_original - end) / SHRINK
        shift = WEEK * ((target - end) // WEEK)
        for index in burst:
            shifts[index] = shift
        next_start, next_original = start + shift, start
    return shifts


def _date(raw: bytes) -> datetime.datetime:
    return parsedate_to_datetime(str(BytesHeaderParser().parsebytes(raw)["Date"]))


def _moved(raw: bytes, date: datetime.datetime, shift: datetime.timedelta,
           quoted: dict[bytes, bytes]) -> bytes:
    head, separator, body = raw.partition(b"\n\n")
    date_line = f"Date: {format_datetime(date + shift)}\n".encode()
    head = _DATE_HEADER.sub(lambda _match: date_line, head, count=1)
    body = _QUOTED_MOMENT.sub(lambda match: quoted.get(match.group(0), match.group(0)), body)
    body = _ISO_DAY.sub(lambda match: _moved_day(match, shift), body)
    return head + separator + body


def _moved_day(match: re.Match[bytes], shift: datetime.timedelta) -> bytes:
    try:
        day = datetime.date(*(int(part) for part in match.groups())) + shift
    except ValueError:
        return match.group(0)
    return day.isoformat().encode()
