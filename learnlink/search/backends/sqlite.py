"""SQLite: an FTS5 table over the document table, ranked by bm25 with the subject weighted most.

The FTS5 table (created in migrations/0001) is an external-content index of the document rows,
kept in step by triggers on that table, the pattern the SQLite manual gives for such tables: a
row written or deleted through any path, even the ORM, can never leave the index inconsistent.
Its tokenizer, unicode61 with remove_diacritics 2, folds case and accents, so query words are
handed to it as typed.

A search is two queries: the newest RANK_WINDOW matches in rowid order, which FTS5 keeps its
index in, then one page of the matches from the oldest of those on, ranked.
"""

from django.db import connection

from learnlink.search.backends import base
from learnlink.search.backends.base import TABLE, Backend, Filters
from learnlink.search.query import Query

# bm25 weights of the FTS5 columns subject, body, sender.
RANK = "bm25(10.0, 1.0, 2.0)"


class SQLiteBackend(Backend):
    def ranked(self, query: Query, filters: Filters, limit: int,
               offset: int) -> tuple[int, list[tuple[int, int, float, str]]]:
        where, filter_params = filters.sql()
        # The table-valued form search_fts(match, rank) is "search_fts MATCH ? AND rank MATCH ?":
        # FTS5 then ranks with these weights and serves ORDER BY rank itself.
        source = (f"FROM search_fts(%s, %s) JOIN {TABLE} AS d ON d.id = search_fts.rowid "
                  f"WHERE {where}")
        params = [fts5_expression(query), RANK, *filter_params]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT search_fts.rowid {source} "
                           "ORDER BY search_fts.rowid DESC LIMIT %s", [*params, base.RANK_WINDOW])
            newest = [row[0] for row in cursor.fetchall()]
            if not newest:
                return 0, []
            # The oldest of the newest matches bounds a rowid range FTS5 applies before ranking.
            cursor.execute(f"SELECT d.object_id, d.group_id, -search_fts.rank, d.body {source} "
                           "AND search_fts.rowid >= %s ORDER BY search_fts.rank LIMIT %s OFFSET %s",
                           [*params, newest[-1], limit, offset])
            return len(newest), list(cursor.fetchall())

    def update_statistics(self) -> None:
        """Nothing to do: FTS5 plans a search without statistics."""

    def optimize(self) -> None:
        """Merge the FTS5 index into one segment: every replaced document leaves a delete marker
        and a new entry in segments of their own, which each search then reads through."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")


def fts5_expression(query: Query) -> str:
    """Each term as a quoted FTS5 string, so no word is ever read as an operator or column;
    side by side (all must match) or joined by OR."""
    return (" OR " if query.match_any else " ").join(
        '"' + " ".join(term.words) + '"' + (" *" if term.prefix else "") for term in query.terms)
