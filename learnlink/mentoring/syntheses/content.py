"""A synthesis's three parts as the mentor edits them, and as the API, the pages and the mail
read them.

On the web a mentor edits plain text, one point a line, so a phone without JavaScript does as
well as a laptop: a point ends with "[m123]" to link it to message 123 (the same number the
message's address on the thread page ends with, "#m123"). The versions store the mail's
Message-ID instead, which survives a re-import of the archive; `Links` turns one into the other
for the threads a synthesis covers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from learnlink.drafting.drafts import Draft, Point
from learnlink.exchange.models import Message, Thread

MOST_POINTS = 30  # a part's points: a synthesis is short, or nobody reads it
MOST_POINT = 1_000  # characters of a point
MOST_STANDING = 4_000

_MARKER = re.compile(r"\s*\[m(\d{1,12})\]\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Item:
    """A point of a synthesis and the Message-ID of the mail it comes from ('' for none)."""

    text: str
    message_id: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "message_id": self.message_id}


@dataclass
class Content:
    learned: list[Item] = field(default_factory=list)
    standing: str = ""
    next_questions: list[Item] = field(default_factory=list)

    @classmethod
    def of_draft(cls, drafted: Draft) -> Content:
        return cls([_item(point) for point in drafted.learned], drafted.standing,
                   [_item(point) for point in drafted.next_questions])

    @classmethod
    def of_stored(cls, learned: Iterable[dict[str, Any]], standing: str,
                  next_questions: Iterable[dict[str, Any]]) -> Content:
        return cls([Item(str(p.get("text", "")), str(p.get("message_id") or ""))
                    for p in learned], standing,
                   [Item(str(p.get("text", "")), str(p.get("message_id") or ""))
                    for p in next_questions])

    @property
    def is_empty(self) -> bool:
        return not (self.learned or self.standing.strip() or self.next_questions)

    def message_ids(self) -> set[str]:
        return {item.message_id for item in [*self.learned, *self.next_questions]
                if item.message_id}

    def stored(self) -> dict[str, Any]:
        """The version's columns."""
        return {"learned": [item.as_dict() for item in self.learned],
                "standing": self.standing.strip(),
                "next_questions": [item.as_dict() for item in self.next_questions]}


def _item(point: Point) -> Item:
    return Item(" ".join(point.text.split()), point.message_id)


@dataclass(frozen=True)
class Links:
    """The messages of a synthesis's threads: Message-ID to the message's number and back."""

    pk_of: dict[str, int]

    @classmethod
    def of_threads(cls, threads: Sequence[Thread]) -> Links:
        rows = Message.objects.filter(thread__in=threads, is_placeholder=False).values_list(
            "message_id", "pk")
        return cls(dict(rows))

    @classmethod
    def of_ids(cls, group_id: int, message_ids: Iterable[str]) -> Links:
        """Only the messages a shown synthesis links to: one query on the group's unique
        (group, Message-ID) index, however long the threads."""
        ids = list(set(message_ids))
        rows = Message.objects.filter(group_id=group_id, message_id__in=ids,
                                      is_placeholder=False).values_list("message_id", "pk")
        return cls(dict(rows) if ids else {})

    def as_text(self, items: Sequence[Item]) -> str:
        """Points as the mentor edits them: one a line, each with its [m123]."""
        lines = []
        for item in items:
            pk = self.pk_of.get(item.message_id)
            lines.append(f"{item.text} [m{pk}]" if pk else item.text)
        return "\n".join(lines)

    def read(self, text: str) -> list[Item]:
        """Lines back into points; ValidationError names a [m…] that is not one of the
        threads' messages. Bullets a mentor typed ("- ", "1. ") are not part of the point."""
        id_of = {pk: message_id for message_id, pk in self.pk_of.items()}
        items = []
        for line in text.splitlines():
            marker = _MARKER.search(line)
            point = _BULLET.sub("", line[:marker.start()] if marker else line).strip()
            if not point:
                continue
            message_id = ""
            if marker:
                message_id = id_of.get(int(marker.group(1)), "")
                if not message_id:
                    raise ValidationError(
                        _("[m%(number)s] is not a message of this synthesis's threads.")
                        % {"number": marker.group(1)})
            items.append(Item(point, message_id))
        return items

    def checked(self, items: Iterable[Item]) -> list[Item]:
        """Points given with their Message-IDs (the API): each must be one of the threads'."""
        items = list(items)
        unknown = sorted({item.message_id for item in items
                          if item.message_id and item.message_id not in self.pk_of})
        if unknown:
            raise ValidationError(_("These Message-IDs are not messages of the thread: "
                                    "%(ids)s") % {"ids": ", ".join(unknown)})
        return items


def limited(content: Content) -> Content:
    """ValidationError when a part is longer than a synthesis should be."""
    for items in (content.learned, content.next_questions):
        if len(items) > MOST_POINTS:
            raise ValidationError(_("At most %(count)d points in a part.")
                                  % {"count": MOST_POINTS})
        if any(len(item.text) > MOST_POINT for item in items):
            raise ValidationError(_("A point may have at most %(count)d characters.")
                                  % {"count": MOST_POINT})
    if len(content.standing) > MOST_STANDING:
        raise ValidationError(_("“Where we stand” may have at most %(count)d characters.")
                              % {"count": MOST_STANDING})
    if content.is_empty:
        raise ValidationError(_("A synthesis needs at least one of its three parts."))
    return content
