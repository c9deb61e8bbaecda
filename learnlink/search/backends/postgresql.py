"""PostgreSQL: a tsvector column with a GIN index, ranked by ts_rank_cd.

The column and its index are created by migrations/0001 on PostgreSQL only; the indexing code
fills the column with each upsert (no trigger). The text configuration is 'simple' because the
archive mixes English, Swahili and French and no one language's stemmer suits all three. The
words are split and folded in Python first (`text.words`), the same way SQLite's tokenizer
does, so both engines find the same documents for the same query.
"""

from typing import Any

from learnlink.search.backends.base import TABLE, Backend, Candidates
from learnlink.search.documents import Document
from learnlink.search.query import Query
from learnlink.search.text import words

# A tsvector holds at most 1 MB; no real message body comes near this many characters of words.
MAX_INDEXED = 100_000
_WEIGHTED = "setweight(to_tsvector('simple', %s), '{}')"
_BEST = (
    "SELECT d.object_id, d.group_id, ts_rank_cd(d.search_vector, q) AS rank, d.body "  # noqa: S608
    f"FROM {TABLE} AS d, to_tsquery('simple', %s) AS q WHERE d.id = ANY(%s) "
    "ORDER BY rank DESC, d.id DESC LIMIT %s OFFSET %s")


class PostgreSQLBackend(Backend):
    newest = "d.id"
    index_columns = ("search_vector",)
    index_placeholders = (" || ".join(_WEIGHTED.format(weight) for weight in "ABC"),)

    def index_values(self, document: Document) -> list[Any]:
        """Subject, body and sender as space-separated folded words, weighted A, B and C."""
        return [" ".join(words(text[:MAX_INDEXED]))
                for text in (document.subject, document.body, document.sender)]

    def matching(self, query: Query) -> tuple[str, list[Any]]:
        return (f"{TABLE} AS d JOIN to_tsquery('simple', %s) AS q ON d.search_vector @@ q",
                [tsquery_expression(query)])

    def best(self, cursor: Any, query: Query, candidates: Candidates, limit: int,
             offset: int) -> list[tuple[int, int, float, str]]:
        """The candidates by id, without matching them again: for a phrase, matching reads
        every tsvector holding its words, as the GIN index keeps no word positions."""
        cursor.execute(_BEST, [tsquery_expression(query), candidates.ids, limit, offset])
        return list(cursor.fetchall())


def tsquery_expression(query: Query) -> str:
    """Terms joined by &, the words of a phrase by <->, each word quoted as a lexeme.

    Each term is split and folded as the indexed text was, which leaves only letters and digits
    in a lexeme: nothing the tsquery syntax could read as an operator.
    """
    phrases = [(words(" ".join(term.words)), term.prefix) for term in query.terms]
    return " & ".join(" <-> ".join(f"'{word}'" for word in lexemes) + (":*" if prefix else "")
                      for lexemes, prefix in phrases if lexemes)
