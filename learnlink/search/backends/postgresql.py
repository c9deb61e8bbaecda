"""PostgreSQL: a tsvector column with a GIN index, ranked by ts_rank_cd.

The search steers the planner (below: an EXPLAIN estimate, then a range of ids with plain index
scans off), a fast path that earns its place: bench/search.py p95 52 ms with it, 182 without.

The column and its index are created by migrations/0001 on PostgreSQL only; the indexing code
fills the column with each upsert (no trigger). The text configuration is 'simple' because the
archive mixes English, Swahili and French and no one language's stemmer suits all three. The
words are split and folded in Python first (`text.words`), the same way SQLite's tokenizer
does, so both engines find the same documents for the same query.

A search ranks the newest RANK_WINDOW matches, and no index here gives matches newest first:
the GIN index gives them in no order, and walking the primary key from the newest id means
reading the tsvector of every row passed, a few microseconds each, to test it. The planner
prices that test as almost free, so it walks the key for a word in a few percent of the archive
too, and reads tens of thousands of tsvectors to find a window's matches. So a search
decides the plan itself:

1. It asks the planner how many matches to expect (EXPLAIN, which runs nothing).
2. If more than the window, it reads only the newest ids expected to hold MARGIN times the
   window, with plain index scans turned off for the statement: the planner then intersects
   the GIN index with that range of the primary key (BitmapAnd) or, for a word in most
   documents, tests each row of the short range. It can no longer walk the key past the range.
   With fewer matches expected, it reads them all from the GIN index.
3. One statement keeps the newest RANK_WINDOW matches, ranks them and returns a page and the
   count. If the range held fewer than the window (the newest documents use the words less
   than the older ones), the search runs again without it, so the window is always exact.

Ranking reads a vector for each of up to RANK_WINDOW matches, and the whole body's vector of a
long message (a patch, a report) is tens of kilobytes, stored compressed out of line: reading
two thousand of them was most of a search's time. So a second, small vector ranks: the subject,
the body's first RANKED_WORDS words and the sender, weighted as in the index. A word used only
deep in a long text still finds it; such a text ranks after those that open with the word.
"""

from typing import Any

from django.db import connection, transaction

from learnlink.search.backends import base
from learnlink.search.backends.base import TABLE, Backend, Filters
from learnlink.search.documents import Document
from learnlink.search.query import Query
from learnlink.search.text import words

# A tsvector holds at most 1 MB; no real message body comes near this many characters of words.
MAX_INDEXED = 100_000
RANKED_WORDS = 300
# How many times the window the range of newest ids should hold: more reads matches that are
# then left out, fewer risks a range too short and the second search it costs.
MARGIN = 1.5
_WEIGHTED = "setweight(to_tsvector('simple', %s), '{}')"
_MATCH = "d.search_vector @@ to_tsquery('simple', %s)"
# `newest` is materialized so that the count and the page read it once. It holds ids and ranks
# only: carrying the vectors on to a later step (to rank only the rows the LIMIT keeps) spilled
# thousands of them to a temporary file, which cost more than ranking them all where they are.
_RANKED = f"""
    WITH newest AS MATERIALIZED (
        SELECT d.id, ts_rank_cd(coalesce(d.rank_vector, d.search_vector),
                                to_tsquery('simple', %s)) AS rank
        FROM {TABLE} AS d WHERE {{where}} ORDER BY d.id DESC LIMIT %s),
    ranked AS (SELECT id, rank FROM newest ORDER BY rank DESC, id DESC LIMIT %s OFFSET %s)
    SELECT counted.total, d.object_id, d.group_id, ranked.rank, d.body
    FROM (SELECT count(*) AS total FROM newest) AS counted
    LEFT JOIN (ranked JOIN {TABLE} AS d ON d.id = ranked.id) ON true
    ORDER BY ranked.rank DESC, ranked.id DESC"""  # noqa: S608 - constants only


class PostgreSQLBackend(Backend):
    index_columns = ("search_vector", "rank_vector")
    index_placeholders = (" || ".join(_WEIGHTED.format(weight) for weight in "ABC"),) * 2

    def index_values(self, document: Document) -> list[Any]:
        """Subject, body and sender as space-separated folded words, weighted A, B and C: all
        of them to match, then the body's opening only to rank."""
        subject, body, sender = (words(text[:MAX_INDEXED])
                                 for text in (document.subject, document.body, document.sender))
        return [" ".join(part) for part in (subject, body, sender,
                                            subject, body[:RANKED_WORDS], sender)]

    def ranked(self, query: Query, filters: Filters, limit: int,
               offset: int) -> tuple[int, list[tuple[int, int, float, str]]]:
        tsquery = tsquery_expression(query)
        where, filter_params = filters.sql()
        where, params = f"{_MATCH} AND {where}", [tsquery, *filter_params]
        with transaction.atomic(), connection.cursor() as cursor:
            start = _window_start(cursor, where, params)
            cursor.execute("SET LOCAL enable_indexscan = off")
            total, page = _newest_ranked(cursor, tsquery, where, params, start, limit, offset)
            if start is not None and total < base.RANK_WINDOW:
                total, page = _newest_ranked(cursor, tsquery, where, params, None, limit, offset)
            # SET LOCAL lasts as long as an enclosing transaction would.
            cursor.execute("RESET enable_indexscan")
        return total, page

    def update_statistics(self) -> None:
        """The planner's counts of each word are what `_window_start` sizes a search by."""
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")

    def optimize(self) -> None:
        """VACUUM: replaced rows leave dead versions, and the GIN index keeps new entries in a
        pending list that every search reads through until it is merged; then the statistics.
        VACUUM cannot run in a transaction: a caller inside one gets the statistics only, and
        autovacuum does the rest."""
        with connection.cursor() as cursor:
            vacuum = "" if connection.in_atomic_block else "VACUUM "
            cursor.execute(f"{vacuum}ANALYZE {TABLE}")


def _window_start(cursor: Any, where: str, params: list[Any]) -> int | None:
    """The lowest id of the newest documents expected to hold MARGIN times RANK_WINDOW matches,
    or None if fewer matches than that are expected in all."""
    cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {TABLE} AS d "  # noqa: S608
                   f"WHERE {where}", params)
    expected = cursor.fetchone()[0][0]["Plan"]["Plan Rows"]
    wanted = base.RANK_WINDOW * MARGIN
    if expected <= wanted:
        return None
    cursor.execute(f"SELECT min(id), max(id) FROM {TABLE}")  # noqa: S608 - constants only
    lowest, highest = cursor.fetchone()
    if highest is None:  # emptied since the planner last counted
        return None
    return int(highest - (highest - lowest + 1) * wanted / expected)


def _newest_ranked(cursor: Any, tsquery: str, where: str, params: list[Any], start: int | None,
                   limit: int, offset: int) -> tuple[int, list[tuple[int, int, float, str]]]:
    """The count of the newest RANK_WINDOW matches from id `start` on, and a page of them."""
    if start is not None:
        where, params = f"{where} AND d.id >= %s", [*params, start]
    cursor.execute(_RANKED.format(where=where), [tsquery, *params, base.RANK_WINDOW, limit, offset])
    rows = cursor.fetchall()
    return rows[0][0], [row[1:] for row in rows if row[1] is not None]


def tsquery_expression(query: Query) -> str:
    """Terms joined by & (or by | when any may match), the words of a phrase by <->, each word
    quoted as a lexeme.

    Each term is split and folded as the indexed text was, which leaves only letters and digits
    in a lexeme: nothing the tsquery syntax could read as an operator.
    """
    phrases = [(words(" ".join(term.words)), term.prefix) for term in query.terms]
    return (" | " if query.match_any else " & ").join(
        " <-> ".join(f"'{word}'" for word in lexemes) + (":*" if prefix else "")
        for lexemes, prefix in phrases if lexemes)
