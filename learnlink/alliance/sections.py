"""What other apps add to an alliance's dashboard, printable report and spreadsheet export.

The impact app depends on alliances, not the other way round; it registers its table here
(from its AppConfig.ready) and the alliance pages show whatever is registered, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from learnlink.alliance.models import Alliance
from learnlink.lib.spreadsheets import Table


@dataclass(frozen=True)
class Section:
    """One block of the dashboard: `template` is rendered with `context(alliance)` (plus the
    alliance itself); `sheets`, when given, gives that block's worksheets in the export, by name.
    `public` blocks are shown to every reader of the alliance, the others to insiders only."""

    key: str
    title: str | Promise
    template: str
    context: Callable[[Alliance], dict[str, Any]]
    sheets: Callable[[Alliance], dict[str, Table]] | None = None
    public: bool = False


_SECTIONS: dict[str, Section] = {}


def register(section: Section) -> None:
    _SECTIONS[section.key] = section


def sections() -> list[Section]:
    return list(_SECTIONS.values())
