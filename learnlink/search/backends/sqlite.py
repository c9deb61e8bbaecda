"""SQLite: an FTS5 table over the document table, ranked by bm25 with the subject weighted most.

The FTS5 table (created in migrations/0001) is an external-content index of the document rows,
kept in step by triggers on that table, the pattern the SQLite manual gives for such tables: a
row written or deleted through any path, even the ORM, can never leave the index inconsistent.
Its tokenizer, unicode61 with remove_diacritics 2, folds case and accents, so query words are
handed to it as typed.
"""

from typing import Any

from learnlink.search.backends.base import TABLE, Backend, Candidates
from learnlink.search.query import Query

# bm25 weights of the FTS5 columns subject, body, sender.
RANK = "bm25(10.0, 1.0, 2.0)"


class SQLiteBackend(Backend):
    newest = "search_fts.rowid"

    def matching(self, query: Query) -> tuple[str, list[Any]]:
        # The table-valued form search_fts(match, rank) is "search_fts MATCH ? AND rank MATCH ?":
        # FTS5 then ranks with these weights and serves ORDER BY rank itself.
        return (f"search_fts(%s, %s) JOIN {TABLE} AS d ON d.id = search_fts.rowid",
                [fts5_expression(query), RANK])

    def best(self, cursor: Any, query: Query, candidates: Candidates, limit: int,
             offset: int) -> list[tuple[int, int, float, str]]:
        """The candidates again: the matches from the oldest candidate on, a rowid range FTS5
        applies before ranking."""
        cursor.execute(f"SELECT d.object_id, d.group_id, -search_fts.rank, d.body {candidates.sql} "
                       "AND search_fts.rowid >= %s ORDER BY search_fts.rank LIMIT %s OFFSET %s",
                       [*candidates.params, candidates.ids[-1], limit, offset])
        return list(cursor.fetchall())


def fts5_expression(query: Query) -> str:
    """Each term as a quoted FTS5 string, so no word is ever read as an operator or column."""
    return " ".join('"' + " ".join(term.words) + '"' + (" *" if term.prefix else "")
                    for term in query.terms)
