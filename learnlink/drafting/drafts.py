"""What the drafter takes (the posts of one thread or of several) and what it gives back (a
draft in three parts whose every point links to the message it comes from)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal


@dataclass(frozen=True)
class Post:
    """One message as the drafter reads it.

    `text` is the message's new text: the caller takes quotes and signature off (the drafter
    drops any quoted line it still finds). `in_reply_to` (a Message-ID) and `thread` (any key:
    several threads may be drafted together) tell which later posts answer this one; `quoted`,
    the text it quotes, only serves when no post of a thread has text of its own.
    """

    message_id: str
    author: str
    text: str
    date: datetime | None = None
    organisation: str = ""
    in_reply_to: str = ""
    thread: str = ""
    quoted: str = ""


@dataclass(frozen=True)
class Point:
    """A sentence of the draft, and the message it comes from. `answered` is for a question:
    whether someone else took it up in a later post."""

    text: str
    message_id: str
    answered: bool = False


@dataclass
class Draft:
    """What has been learned, where we stand, and the next questions (unanswered first).
    `source` says who wrote it: the embedded extractive drafter or the language model."""

    learned: list[Point] = field(default_factory=list)
    standing: str = ""
    next_questions: list[Point] = field(default_factory=list)
    source: Literal["extractive", "llm"] = "extractive"

    @property
    def is_empty(self) -> bool:
        """Nothing to say: the posts had no text at all (the page says so in its own words)."""
        return not (self.learned or self.standing or self.next_questions)
