"""The search interface: index documents, remove them, search them.

The engine follows the database: FTS5 on SQLite, full text search on PostgreSQL. Callers never
choose and never see which one runs; results, ranking aside, are the same on both.
"""

import datetime
from collections.abc import Collection, Iterable
from dataclasses import replace

from django.db import connection

from learnlink.search.backends.base import Backend, Filters
from learnlink.search.backends.postgresql import PostgreSQLBackend
from learnlink.search.backends.sqlite import SQLiteBackend
from learnlink.search.documents import Document, Hit, SearchResults
from learnlink.search.models import SearchDocument
from learnlink.search.query import parse_query

__all__ = ["Document", "Hit", "SearchResults", "index_documents", "indexed_ids",
           "optimize", "remove_documents", "search", "update_statistics"]

MAX_LIMIT = 100
_BACKENDS: dict[str, Backend] = {"sqlite": SQLiteBackend(), "postgresql": PostgreSQLBackend()}


def index_documents(documents: Iterable[Document]) -> None:
    """Add documents to the index, replacing any already indexed under the same object_id."""
    _backend().index(documents)


def remove_documents(object_ids: Iterable[int]) -> None:
    """Take documents out of the index; ids never indexed are ignored."""
    _backend().remove(object_ids)


def indexed_ids(group_ids: Collection[int] | None = None) -> set[int]:
    """The object ids of every document in the index, or of those in `group_ids`: what a
    rebuild compares with the objects that still exist."""
    documents = SearchDocument.objects.all()
    if group_ids is not None:
        documents = documents.filter(group_id__in=group_ids)
    return set(documents.values_list("object_id", flat=True))


def update_statistics() -> None:
    """After indexing many documents at once (an import): PostgreSQL plans each search from
    statistics of the index, which a server with autovacuum off or behind would lack."""
    _backend().update_statistics()


def optimize() -> None:
    """After many documents were replaced (a rebuild, a reparse of the archive): each engine
    tidies what the old versions left. Replacing every document of the benchmark archive made
    a search three to four times slower until then, on both engines. It costs seconds on a
    large archive: not for every import, which adds documents and replaces none."""
    _backend().optimize()


def search(query: str, *, group_ids: Collection[int], sender: str = "",
           since: datetime.date | None = None, until: datetime.date | None = None,
           limit: int = 10, offset: int = 0, match_any: bool = False) -> SearchResults:
    """The documents matching `query` in `group_ids`, best first, one page of them.

    `group_ids` are the groups the user may see; none means no results, never all. `sender` is
    a substring of the sender's name (the index holds no address); `since` and `until` are
    days, both included. `match_any` finds the documents with any of the terms rather than
    all of them, those with more ranking first.
    A query without any word finds nothing.
    """
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValueError(f"limit must be 1 to {MAX_LIMIT} and offset at least 0")
    terms = replace(parse_query(query), match_any=match_any)
    if not group_ids or not terms.terms:
        return SearchResults(total=0)
    filters = Filters(tuple(sorted(group_ids)), sender.strip(), since, until)
    return _backend().search(terms, filters, limit, offset)


def _backend() -> Backend:
    return _BACKENDS[connection.vendor]
