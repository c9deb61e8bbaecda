"""The words a task reminder may be answered with, in English, Kiswahili and French, read
from the first line of the reply's own text (what it quotes is cut before):

    done                      imekamilika / nimemaliza      fait / terminé
    drop <reason>             acha <sababu>                 abandon <raison>
    new date 2004-07-15       tarehe mpya 2004-07-15        nouvelle date 2004-07-15

A reply is read, never guessed: anything else is "not understood", answered with these
examples, and changes nothing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from learnlink.mail.parsing import first_line

DONE = ("done", "imekamilika", "nimemaliza", "fait", "terminé", "termine")
DROP = ("drop", "acha", "abandon", "abandonner")
NEW_DATE = ("new date", "tarehe mpya", "nouvelle date")
EXAMPLES = ("done", "drop the buyers did not come this season", "new date 2004-07-15")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class Command:
    """What a reply asks: `word` is "done", "drop", "new date" or "" (not understood)."""

    word: str
    reason: str = ""
    day: datetime.date | None = None
    line: str = ""


def _after(line: str, words: tuple[str, ...]) -> str | None:
    """The rest of `line` if it starts with one of `words` (a whole word), else None."""
    folded = line.casefold()
    for word in words:
        if folded == word or folded.startswith((word + " ", word + ":")):
            return line[len(word):].lstrip(" :").strip()
    return None


def _day(text: str) -> datetime.date | None:
    found = _DATE.match(text.strip().rstrip("."))
    if found is None:
        return None
    try:
        return datetime.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def read(text: str) -> Command:
    line = first_line(text)
    bare = line.rstrip(".!").strip()
    if bare.casefold() in DONE:
        return Command("done", line=line)
    reason = _after(line, DROP)
    if reason is not None:
        return Command("drop" if reason else "", reason=reason, line=line)
    rest = _after(line, NEW_DATE)
    if rest is not None:
        day = _day(rest)
        return Command("new date" if day else "", day=day, line=line)
    return Command("", line=line)
