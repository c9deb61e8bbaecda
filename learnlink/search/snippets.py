"""A short passage of a hit around the words searched for, the same on both engines.

Built here rather than by FTS5's snippet() or PostgreSQL's ts_headline() so that results look
identical whichever database runs, and so that the plain-text variant for email answers comes
from the same choice of passage.
"""

import bisect
import heapq
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from learnlink.search.query import Query
from learnlink.search.text import WORD_CHAR, fold

LENGTH = 240  # characters of text in a snippet
CONTEXT = 60  # characters shown before the first match
SCAN = 50_000  # a match further into a very long text is not looked for
# Matches weighed for the passage: the best hits of a common word are long texts that use it
# hundreds of times, and weighing every use cost milliseconds per hit for no better passage.
MOST_MATCHES = 100


@dataclass(frozen=True)
class Snippet:
    html: SafeString  # escaped, the matches in <mark>
    text: str  # plain, for email


def make_snippet(text: str, query: Query) -> Snippet:
    """The passage of `text` with the most of the query's words (of the first MOST_MATCHES
    uses), or its opening if none."""
    text = " ".join(unicodedata.normalize("NFC", text[:SCAN]).split())
    spans = list(itertools.islice(_spans(_aligned_fold(text), query), MOST_MATCHES))
    start, end = _window(text, [span_start for span_start, _ in spans])
    marked, cursor = [], start
    for span_start, span_end in spans:
        if start <= span_start and span_end <= end:
            marked.append((text[cursor:span_start], text[span_start:span_end]))
            cursor = span_end
    before, after = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    html = format_html("{}{}{}{}", before, format_html_join("", "{}<mark>{}</mark>", marked),
                       text[cursor:end], after)
    return Snippet(html=html, text=before + text[start:end] + after)


def _spans(folded: str, query: Query) -> Iterator[tuple[int, int]]:
    """Where `_pattern` matches, as its `finditer` would find them, but faster in a long text:
    a pattern that starts with a lookbehind is tried at every character, so it is tried only
    where one of the words starts, as `str.find` finds them (lazily, in order: the caller
    takes the first matches only)."""
    pattern = _pattern(query)
    starts = heapq.merge(*(_occurrences(folded, fold(word)) for word in query.words))
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(folded, start)):
            yield match.span()
            end = match.end()


def _occurrences(text: str, word: str) -> Iterator[int]:
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)


def _pattern(query: Query) -> re.Pattern[str]:
    """Whole words of the query, or words starting with its prefixes, longest first so that
    "maize" is marked whole rather than as the prefix "mai*"."""
    whole = [re.escape(fold(word)) + f"(?!{WORD_CHAR})" for word in query.words]
    prefixes = [re.escape(fold(word)) + f"{WORD_CHAR}*" for word in query.prefixes]
    alternatives = sorted(whole + prefixes, key=len, reverse=True)
    return re.compile(f"(?<!{WORD_CHAR})(?:{'|'.join(alternatives)})" if alternatives else "(?!)")


def _aligned_fold(text: str) -> str:
    """`fold(text)` with one character for each of `text`, so match offsets fit the original."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return text.translate({ord(char): _fold_char(char) for char in set(text)})


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char


def _window(text: str, starts: list[int]) -> tuple[int, int]:
    """Start and end of the LENGTH characters holding the most matches, cut between words."""
    anchor = max(starts, default=0, key=lambda first: (
        bisect.bisect_left(starts, first + LENGTH - CONTEXT) - bisect.bisect_left(starts, first)))
    start = 0
    if anchor > CONTEXT:
        space = text.find(" ", anchor - CONTEXT, anchor)
        start = space + 1 if space >= 0 else anchor
    end = start + LENGTH
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, min(end, len(text))
