"""The dashboard's sections: every registered concern over a set of groups, each with its count
and one page of its rows. The web pages and the morning summary both read them from here, so
the mail says what the dashboard shows. Two queries per concern (its count and its page,
and those its rows prefetch), whatever the number of groups or rows."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import Promise

from learnlink.exchange.models import Group
from learnlink.mentoring.concerns import Row, concerns

PAGE_SIZE = 10  # rows of a concern on a page
FIRST_ROWS = 3  # rows of a concern in the morning summary


@dataclass(frozen=True)
class Section:
    """One concern as shown: `previous` and `next` are the query strings of its neighbouring
    pages ('' when there is none); every other concern keeps its own page."""

    key: str
    title: str | Promise
    count: int
    rows: list[Row]
    page: Page
    previous: str = ""
    next: str = ""

    @property
    def more(self) -> int:
        """Rows not shown on this page or before it: "and 12 more" in the mail."""
        return max(0, self.count - self.page.end_index())


def sections(groups: QuerySet[Group], now: datetime.datetime,
             pages: Mapping[str, str] | None = None, size: int = PAGE_SIZE) -> list[Section]:
    """Every concern over `groups`, at the page `pages[concern.key]` asks for (the request's
    query string: `?questions=2`), else the first."""
    pages = pages or {}
    # The groups read once: every concern then filters by a list of ids instead of repeating
    # the joins that chose them (memberships, organisations) in each of its queries.
    groups = Group.objects.filter(pk__in=list(groups.values_list("pk", flat=True)))
    found = []
    for concern in concerns():
        page = Paginator(concern.rows(groups, now), size).get_page(pages.get(concern.key))
        rows = [concern.row(item) for item in page]
        found.append(Section(
            concern.key, concern.title, page.paginator.count, rows, page,
            previous=_link(pages, concern.key, page.previous_page_number())
            if page.has_previous() else "",
            next=_link(pages, concern.key, page.next_page_number()) if page.has_next() else ""))
    return found


def _link(pages: Mapping[str, str], key: str, number: int) -> str:
    return "?" + urlencode({**{name: pages[name] for name in pages}, key: number})
