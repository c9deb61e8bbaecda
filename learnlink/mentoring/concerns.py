"""What needs a mentor now: the rows of the mentor dashboard and of the morning summary mail.

Each tool registers its concern here from the app's ready() (unanswered questions, long threads
with no synthesis, introductions nobody answered...). The dashboard and the summary show every
registered concern the same way, so a row reads the same on the web and in the mail.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise

from learnlink.exchange.models import Group


@dataclass(frozen=True)
class Row:
    """One thing to do: what it is (in the reader's language), where it is, and the link that
    does it."""

    text: str
    url: str
    action: str | Promise
    action_url: str
    group: Group | None = None
    when: datetime.datetime | None = None


@dataclass(frozen=True)
class Concern:
    """A kind of thing that needs a mentor. `rows(groups, now)` gives the objects concerned in
    `groups`, as a QuerySet the dashboard paginates (so it must stay one bounded query per page:
    select what `row` reads); `row(obj)` makes one of them a Row."""

    key: str
    title: str | Promise
    rows: Callable[[QuerySet[Group], datetime.datetime], QuerySet[Any]]
    row: Callable[[Any], Row]


_CONCERNS: dict[str, Concern] = {}


def register(concern: Concern) -> None:
    """Called from an AppConfig.ready(); registering the same key twice replaces it."""
    _CONCERNS[concern.key] = concern


def concerns() -> list[Concern]:
    return list(_CONCERNS.values())
