"""Cutting text into sentences: a partner's typed answer into its points, a message's new text
into the sentences a synthesis may quote.

Mail is hard-wrapped at about 72 characters, so its lines are joined back into paragraphs and
list items before it is cut; what is not prose the writer wrote now is left out: lines quoted
with ">" (also "LK>" as some mail programs write), the "On ... wrote:" line above them, the
signature after "-- ", a patch from its "diff --git" on, indented blocks (program output,
commands), a greeting line ("Dear all,", "Habari zenu,") and the name and title under the text.
The caller passes text whose quotes and signature are already off; these rules only make sure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set

from learnlink.drafting.words import STOP_WORDS, tokens, words_of

LONGEST = 300
"""Characters of a sentence shown; a longer run (mail without full stops) is cut at a word."""

_ANSWER_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_CLAUSE = re.compile(r":\s+|,\s+(?:and|but|et|mais|na|lakini)\s+")
_QUOTED = re.compile(r"^\s*[A-Za-z]{0,4}>")
_QUOTE_MARKS = re.compile(r"^(?:\s*[A-Za-z]{0,4}>)+ ?")
_PATCH = re.compile(r"^(?:diff --git |Index: |--- a/|\+\+\+ b/|---$)")
_TRAILER = re.compile(r"^(?:[A-Z][a-z]+-)+by:\s|^Cc:\s")  # Signed-off-by: Name <address>
_SIGNATURE = {"--", "-- "}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[^\s\w]*[^\W_a-zà-ÿ])")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:(?i:e\.g|i\.e|etc|mr|mrs|ms|dr|prof|vs|cf|approx|fig|"
                           r"tel|ref|mme|mlle|mh|bw|bi)|[A-Z])\.$")
_PROSE_TOKEN = re.compile(r"^[\W_]*(?:[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d.,:/]*%?)[\W_]*$")
_END_PUNCTUATION = (".", "?", "!", ":", ";")


def answer_points(text: str, stop_words: Set[str] = STOP_WORDS) -> list[str]:
    """The points of a typed answer: its sentences or bullet lines, cut again where a clause
    starts after a colon or ", and" (", et", ", na"), without bullets."""
    found: list[str] = []
    for piece in _ANSWER_SPLIT.split(text or ""):
        piece = _BULLET.sub("", piece).strip()
        for index, clause in enumerate(_CLAUSE.split(piece)):
            clause = clause.strip().rstrip(";")
            if len(words_of(clause, stop_words)) < 2 and len(clause) <= 12:
                continue
            if index and found:
                clause = clause[:1].upper() + clause[1:]
            found.append(clause)
    return found


def message_sentences(text: str, *, relaxed: bool = False) -> list[str]:
    """The sentences of a message's own text, in order, each a readable piece of prose; or,
    `relaxed`, each with at least two words (for a message that has nothing better)."""
    found = []
    for item in _items(_own_lines(text or "")):
        for sentence in _split_sentences(item):
            sentence = sentence.strip().rstrip(";,").strip()
            if len(tokens(sentence)) >= 2 and (relaxed or _readable(sentence)):
                found.append(_shortened(sentence[:1].upper() + sentence[1:]))
    return found


def unquoted(text: str) -> str:
    """A message's text with what it quotes made its own: the ">" marks off every line and the
    attribution lines ("On ... wrote:") out. What a thread all in quotes still has to say."""
    lines = (text or "").splitlines()
    kept = []
    for index, line in enumerate(lines):
        if _QUOTED.match(line):
            kept.append(_QUOTE_MARKS.sub("", line))
        elif not (line.rstrip().endswith(":") and _quote_follows(lines, index + 1)):
            kept.append(line)
    return "\n".join(kept)


def _quote_follows(lines: list[str], start: int) -> bool:
    following = next((line for line in lines[start:] if line.strip()), "")
    return bool(_QUOTED.match(following))


def _own_lines(text: str) -> list[str]:
    """The lines the writer wrote now: up to a signature or a patch (its "---" line), without
    quoted lines, the attribution line that introduces a quote, or "Signed-off-by:" lines."""
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line in _SIGNATURE or _PATCH.match(line):
            break
        if _TRAILER.match(line):
            continue
        if _QUOTED.match(line):
            while lines and not lines[-1].strip():
                lines.pop()
            if lines and lines[-1].rstrip().endswith(":"):
                lines.pop()  # "On 28/10/2003, Gabriel wrote:"
            lines.append("")
            continue
        lines.append(line.rstrip())
    return lines


def _paragraphs(lines: list[str]) -> Iterator[list[str]]:
    paragraph: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            paragraph.append(line)
        elif paragraph:
            yield paragraph
            paragraph = []


def _items(lines: list[str]) -> list[str]:
    """Paragraphs and list items as single lines of text, in order, without greetings, indented
    blocks and the sign-off under the text."""
    kept: list[list[str]] = []
    for paragraph in _paragraphs(lines):
        first = paragraph[0]
        if first[:1].isspace() and not _BULLET.match(first):
            continue  # an indented block: a command, program output, a table
        if len(paragraph) == 1 and first.rstrip().endswith(",") and len(first.split()) <= 8:
            continue  # "Dear all,", "Habari zenu,", "Gabriel and all,"
        kept.append(paragraph)
    while len(kept) > 1 and _sign_off(kept[-1]):
        kept.pop()
    items: list[str] = []
    for paragraph in kept:
        current: list[str] = []
        for line in paragraph:
            if _BULLET.match(line) and current:
                items.append(" ".join(current))
                current = []
            current.append(_BULLET.sub("", line).strip() if not current else line.strip())
        items.append(" ".join(current))
    return items


def _sign_off(paragraph: list[str]) -> bool:
    """A name and a title under the text: a few short lines, none ending a sentence."""
    return len(paragraph) <= 3 and all(
        len(line.split()) <= 6 and not line.rstrip().endswith(_END_PUNCTUATION)
        for line in paragraph)


def _split_sentences(item: str) -> list[str]:
    """Cut after a full stop, question or exclamation mark followed by a capital or a digit,
    except after an abbreviation or an initial ("e.g.", "Dr.", "J.")."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(item):
        if _ABBREVIATION.search(item[start:match.start()].rstrip("\"')]")):
            continue
        pieces.append(item[start:match.start()])
        start = match.end()
    pieces.append(item[start:])
    return pieces


def _readable(sentence: str) -> bool:
    """Prose worth quoting: enough words (a question may be shorter), mostly words and numbers
    rather than code or addresses, and not a bare lead-in ("Where do we stand:")."""
    if sentence.endswith(":") and len(words_of(sentence)) < 3:
        return False
    pieces = sentence.split()
    if len(pieces) < (3 if sentence.endswith("?") else 4):
        return False
    prose = [piece for piece in pieces if _PROSE_TOKEN.match(piece)]
    words = sum(1 for piece in prose if not piece.lstrip("([\"'")[:1].isdigit())
    return len(prose) >= 0.8 * len(pieces) and words >= 0.6 * len(pieces)


def _shortened(sentence: str) -> str:
    if len(sentence) <= LONGEST:
        return sentence
    return sentence[:LONGEST].rsplit(" ", 1)[0] + " …"
