"""What both engines share: writing the document rows, the filters, counting, the hits.

An engine adds only what differs: the extra values it stores with each row, and how it finds
the newest matches of a query and ranks one page of them. Everything is plain SQL on Django's
connection, so that indexing is one multi-row INSERT per 500 documents: SQLite's FTS5 writes out
what it has gathered at the end of every statement, so a row-at-a-time executemany (the trigger
firing in a statement of its own each time) indexes at a third of the speed. The SQL is put
together from constants of these modules only; whatever a user typed travels as parameters.
"""

import datetime
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, ClassVar

from django.db import connection, transaction
from django.utils import timezone

from learnlink.search.documents import Document, Hit, SearchResults
from learnlink.search.models import SearchDocument
from learnlink.search.query import Query
from learnlink.search.snippets import make_snippet
from learnlink.search.text import fold, storable

TABLE = SearchDocument._meta.db_table
COLUMNS = ("object_id", "group_id", "sender", "date", "subject", "body")
BATCH = 500  # rows per INSERT: at most 4,500 parameters, well under either engine's limit
COUNT_LIMIT = 1000
# Ranking reads every document it ranks: on PostgreSQL about 10 µs each, so a word in a third of
# 100,000 messages would take a third of a second. A search therefore ranks only the newest
# RANK_WINDOW matches (by indexing order, which is arrival order): a common word finds the best
# of recent messages, and another word or a date range reaches older ones. Just over the count
# shown (COUNT_LIMIT), so "1000+" stays true: 1,200 instead of 2,000 took a quarter off
# PostgreSQL's searches at the 95th percentile, where the pairs of common words are.
RANK_WINDOW = 1200


@dataclass(frozen=True)
class Filters:
    """The rows a user may and wants to see: `group_ids` is never empty here."""

    group_ids: tuple[int, ...]
    sender: str = ""
    since: datetime.date | None = None
    until: datetime.date | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE condition on `d` and its parameters; dates are days in the current time zone."""
        conditions = [f"d.group_id IN ({', '.join(['%s'] * len(self.group_ids))})"]
        params: list[Any] = list(self.group_ids)
        if self.sender:
            conditions.append("d.sender LIKE %s ESCAPE '\\'")
            params.append("%" + _escape_like(fold(self.sender)) + "%")
        if self.since:
            conditions.append("d.date >= %s")
            params.append(_start_of(self.since))
        if self.until:
            conditions.append("d.date < %s")
            params.append(_start_of(self.until + datetime.timedelta(days=1)))
        return " AND ".join(conditions), params


class Backend(ABC):
    # Columns the engine stores with each document, and their SQL values with placeholders
    # for what `index_values` returns.
    index_columns: ClassVar[tuple[str, ...]] = ()
    index_placeholders: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def ranked(self, query: Query, filters: Filters, limit: int,
               offset: int) -> tuple[int, list[tuple[int, int, float, str]]]:
        """How many matches the search ranks, the newest RANK_WINDOW at most, and one page of
        them, best first: object_id, group_id, rank (higher is better) and body of each."""

    def index_values(self, document: Document) -> list[Any]:
        """Values for the placeholders of `index_placeholders`."""
        return []

    @abstractmethod
    def update_statistics(self) -> None:
        """Refresh what the database's planner knows of the index, after many documents came
        at once."""

    @abstractmethod
    def optimize(self) -> None:
        """Tidy what replaced documents left in the index, after many were replaced."""

    def index(self, documents: Iterable[Document]) -> None:
        columns = COLUMNS + self.index_columns
        placeholders = ("%s",) * len(COLUMNS) + self.index_placeholders
        updates = ", ".join(f"{column} = excluded.{column}" for column in columns[1:])
        row = f"({', '.join(placeholders)})"
        with transaction.atomic(), connection.cursor() as cursor:
            for batch in _batches(documents, BATCH):
                values = [self._values(document) for document in batch]
                cursor.execute(f"INSERT INTO {TABLE} ({', '.join(columns)}) "  # noqa: S608
                               f"VALUES {', '.join([row] * len(values))} "
                               f"ON CONFLICT (object_id) DO UPDATE SET {updates}",
                               [value for one in values for value in one])

    def remove(self, object_ids: Iterable[int]) -> None:
        """In statements of BATCH ids: a group's whole archive may go at once."""
        iterator = iter(object_ids)
        while chunk := list(islice(iterator, BATCH)):
            SearchDocument.objects.filter(object_id__in=chunk).delete()

    def search(self, query: Query, filters: Filters, limit: int, offset: int) -> SearchResults:
        total, page = self.ranked(query, filters, limit, offset)
        hits = [_hit(*row, query=query) for row in page]
        return SearchResults(min(total, COUNT_LIMIT), hits, total_capped=total > COUNT_LIMIT)

    def _values(self, document: Document) -> list[Any]:
        date = connection.ops.adapt_datetimefield_value(document.date)
        return [document.object_id, document.group_id, fold(document.sender), date,
                storable(document.subject), storable(document.body),
                *self.index_values(document)]


def _hit(object_id: int, group_id: int, rank: float, body: str, *, query: Query) -> Hit:
    snippet = make_snippet(body, query)
    return Hit(object_id, group_id, float(rank), snippet.html, snippet.text)


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _start_of(day: datetime.date) -> Any:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return connection.ops.adapt_datetimefield_value(start)
