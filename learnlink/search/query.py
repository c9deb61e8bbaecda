"""What a person types into the search box, reduced to terms no engine can misread.

The syntax is small on purpose: words (all must match), "quoted phrases", and a trailing `*` on
a word or phrase for a prefix. Everything else (FTS5 or tsquery operators, unbalanced quotes,
punctuation) is not syntax: it splits words like any other punctuation, so no input can cause a
query error on either engine. Each engine renders the terms in its own language.
"""

import re
import unicodedata
from dataclasses import dataclass

from learnlink.search.text import WORD

MAX_TERMS = 16
# A shorter prefix ("a*") matches most of the archive and costs more than it helps.
MIN_PREFIX = 3

_TOKEN = re.compile(
    rf'"(?P<phrase>[^"]*)"(?P<phrase_star>\*?)|(?P<word>{WORD.pattern})(?P<star>\*?)')
_WORD_STAR = re.compile(rf"({WORD.pattern})(\*?)")


@dataclass(frozen=True)
class Term:
    """Something every hit contains: one word, or several in a row; the last may be a prefix.

    Words are kept as typed: each engine folds case and accents the way its index does.
    """

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Query:
    """What a search looks for: every term, in any order; or, with `match_any`, any of them,
    the documents with more of them ranking higher (the peer finder's questions, whose words
    are evidence to weigh rather than conditions to meet)."""

    terms: tuple[Term, ...]
    match_any: bool = False

    @property
    def words(self) -> frozenset[str]:
        """Every word of every term."""
        return frozenset(word for term in self.terms for word in term.words)

    @property
    def prefixes(self) -> frozenset[str]:
        """The words that match any word starting with them."""
        return frozenset(term.words[-1] for term in self.terms if term.prefix)


def parse_query(text: str) -> Query:
    """The terms of a query; at most MAX_TERMS, each once, in the order typed."""
    terms: dict[Term, None] = {}
    for token in _TOKEN.finditer(unicodedata.normalize("NFC", text)):
        if token["word"]:
            term = _term([(token["word"], token["star"])])
        else:
            term = _term(_WORD_STAR.findall(token["phrase"]), star=token["phrase_star"])
        if term:
            terms[term] = None
    return Query(tuple(terms)[:MAX_TERMS])


def _term(starred_words: list[tuple[str, str]], star: str = "") -> Term | None:
    """A term from (word, "*" or "") pairs: a `*` after the last word, or after the closing
    quote, makes it a prefix if that word is long enough; stars inside a phrase are ignored."""
    if not starred_words:
        return None
    last, last_star = starred_words[-1]
    prefix = bool(star or last_star) and len(last) >= MIN_PREFIX
    return Term(tuple(word for word, _ in starred_words), prefix)
