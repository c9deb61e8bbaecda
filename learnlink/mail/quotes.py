"""Split a message's text into what the writer wrote now, what they quoted, and their signature.

The archive shows the new text and folds the rest away, and digests only carry the new text.
The attribution patterns for each language ("On ... wrote:", "Le ... a écrit :", Outlook's
"From: / Sent:" block) come from mail-parser-reply; Swahili ones are added here. We do not call
its ``EmailReplyParser`` itself: it strips every line's indentation, cuts a "- item" list or a
"Thanks," as a signature, and its patterns run over the whole text, which takes seconds on a
long line. Here each pattern only ever sees one short line (or a small block), so the cost stays
linear, and only the "-- " delimiter and a phone's "Sent from my ..." line count as a signature:
"Asante," or "Wako," is part of what a farmer wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mailparser_reply.constants import MAIL_LANGUAGES

DEFAULT_LANGUAGES = ("en", "sw", "fr", "de", "es", "it", "nl")

SWAHILI = {
    # "Mnamo Jumanne, 3 Machi 2004, Amina <amina@example.org> aliandika:", "Tarehe ... ameandika:"
    "wrote_header": r"^(?:Mnamo|Tarehe|Siku ya)\s.+?\s(?:ali|ame)andika\s?:$",
    # Outlook in Swahili: Kutoka (From), Imetumwa (Sent), Kwa (To), Mada/Somo (Subject)
    "from_header": r"((?:(?:^|\n)[* ]*(?:Kutoka|Imetumwa|Kwa|Mada|Somo|Tarehe|Nakala|Cc):"
                   r"[ *]*(?:\s{,2}).*){2,}(?:\n.*){,1})",
    "sent_from": r"Imetumwa kutoka",
}

# One line that starts an Outlook-style copy of an earlier message, in our languages.
_SEPARATOR = re.compile(
    r"^-{2,}\s*(?:Original Message|Forwarded message|Message d'origine|Message original"
    r"|Message transféré|Ursprüngliche Nachricht|Weitergeleitete Nachricht"
    r"|Ujumbe Asili|Ujumbe wa awali|Ujumbe uliosambazwa)\s*-{2,}$"
    r"|^(?:Begin forwarded message|Début du message réexpédié)\s?:$",
    re.IGNORECASE,
)
# An Outlook header block always opens with its "From:" line; asking for it keeps a notice that
# begins "Date: Saturday / To: all members" from being taken for a quote.
_FROM_LINE = re.compile(r"^\*?\s*(?:From|De|Von|Da|Van|Kutoka)\s?:", re.IGNORECASE)
# Outlook draws a rule above the header block; it belongs to the quote.
_RULE = re.compile(r"^[_-]{20,}$")
_SIGNATURE_DELIMITER = "--"
_BLANK_RUNS = re.compile(r"\n(?:[ \t]*\n){2,}")
_SPACES = str.maketrans({"\xa0": " ", "\u202f": " "})

# The "On ... wrote:" patterns backtrack quadratically on a line that almost matches, so they
# only see short lines, and only so many of them: beyond that, only ">" marks what is quoted.
_LONGEST_HEADER_LINE = 200
_MOST_COLON_LINES = 200
_SCANNED_LINES = 20_000
_HEADER_BLOCK_LINES = 8


@dataclass(frozen=True, slots=True)
class Reply:
    new_text: str
    quoted: str
    signature: str


@dataclass(frozen=True, slots=True)
class _Patterns:
    wrote: re.Pattern[str]
    from_block: re.Pattern[str]
    sent_from: re.Pattern[str]


def split_reply(text: str, language_hint: str = "") -> Reply:
    """Split `text` into the new text, the quoted text and the signature; never raises.

    Top-posting: everything from the first attribution line on is quoted. Bottom-posting and
    inline replies: the lines not marked with ">" are the new text. The new text is only empty
    when the message has no text of its own at all.
    """
    # Zero-width spaces (left over from HTML) would make a blank line look written on.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "")
    lines = text.split("\n")
    keys = _keys(text)
    patterns = _patterns(_languages(language_hint))
    header = _find_header(keys, patterns)
    if header is not None and any(keys[: header[0]]):
        own, rest, header_lines = lines[: header[0]], lines[header[0]:], range(0)
    else:
        own, rest = lines, []
        header_lines = range(*header) if header is not None else range(0)
    new, quoted = _partition(own, keys, header_lines)
    new, signature = _split_signature(new, patterns.sent_from)
    if _has_text(new):
        quoted += rest
    else:  # nothing of their own outside the quote: show all that is not marked ">"
        new, quoted = _partition(lines, keys, range(0))
        signature = []
    return Reply(_join(new), _join(quoted), _join(signature))


def _languages(language_hint: str) -> tuple[str, ...]:
    """The default languages, with the hinted one first when we know it."""
    hint = language_hint.strip().lower()[:2]
    if hint in MAIL_LANGUAGES or hint == "sw":
        return (hint, *(language for language in DEFAULT_LANGUAGES if language != hint))
    return DEFAULT_LANGUAGES


@lru_cache(maxsize=32)
def _patterns(languages: tuple[str, ...]) -> _Patterns:
    """Compile the attribution, header-block and "Sent from" patterns once per language set."""
    tables = [SWAHILI if language == "sw" else MAIL_LANGUAGES[language] for language in languages]

    def combined(key: str) -> re.Pattern[str]:
        parts = [f"(?:{table[key]})" for table in tables if table.get(key)]
        return re.compile("|".join(parts), re.IGNORECASE | re.MULTILINE)

    return _Patterns(combined("wrote_header"), combined("from_header"), combined("sent_from"))


def _find_header(keys: list[str], patterns: _Patterns) -> tuple[int, int] | None:
    """Return the line span (start, end) of the first attribution outside quotes, if any.

    Only lines that could start one are tried (a colon in it or at the end of the next, or a
    leading "-"): most lines of a long message, a patch or a log, are rejected by a few string
    tests instead of a call each."""
    ending = [index for index, key in enumerate(keys[:_SCANNED_LINES + 1]) if key.endswith(":")]
    # Beyond so many lines ending in ":" this is a log or a form, not a letter: stop there.
    limit = min(len(keys), _SCANNED_LINES,
                ending[_MOST_COLON_LINES] if len(ending) > _MOST_COLON_LINES else len(keys))
    before_colon = {index - 1 for index in ending}
    for index in range(limit):
        key = keys[index]
        if (key and (":" in key or key[0] == "-" or index in before_colon)
                and key[0] != ">" and len(key) <= _LONGEST_HEADER_LINE):
            span = _header_at(keys, index, patterns)
            if span is not None:
                return span
    return None


def _header_at(keys: list[str], index: int, patterns: _Patterns) -> tuple[int, int] | None:
    """The span of the attribution starting at line `index`; cheap tests run before patterns.

    Recognised: "On <date>, <name> wrote:" (on one line or wrapped onto the next),
    "-----Original Message-----" and its translations, and Outlook's "From: / Sent:" block.
    """
    key = keys[index]
    following = keys[index + 1] if index + 1 < len(keys) else ""
    if key.endswith(":") and patterns.wrote.match(key):
        return index, index + 1
    if (following.endswith(":") and not following.startswith(">") and not key.endswith(":")
            and len(key) + len(following) < _LONGEST_HEADER_LINE
            and patterns.wrote.match(f"{key} {following}")):
        return index, index + 2
    if (key.startswith("-") or key.endswith(":")) and _SEPARATOR.match(key):
        return index, index + 1
    if ":" in key and _FROM_LINE.match(key):
        return _from_block(keys, index, patterns)
    return None


def _from_block(keys: list[str], index: int, patterns: _Patterns) -> tuple[int, int] | None:
    """An Outlook "From: / Sent: / To: / Subject:" block, with the rule drawn above it."""
    match = patterns.from_block.match("\n".join(keys[index: index + _HEADER_BLOCK_LINES]))
    if match is None:
        return None
    start = index - 1 if index and _RULE.match(keys[index - 1]) else index
    return start, index + match.group().count("\n") + 1


def _partition(lines: list[str], keys: list[str],
               header_lines: range) -> tuple[list[str], list[str]]:
    """Lines of the writer's own (new) and lines marked ">" or part of the attribution."""
    new: list[str] = []
    quoted: list[str] = []
    for index, line in enumerate(lines):
        (quoted if index in header_lines or keys[index].startswith(">") else new).append(line)
    return new, quoted


def _split_signature(lines: list[str], sent_from: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """Cut at the first "-- " line, or else take a trailing "Sent from my phone" line."""
    for index, line in enumerate(lines):
        if line.rstrip() == _SIGNATURE_DELIMITER:
            return lines[:index], lines[index + 1:]
    last = len(lines) - 1
    while last >= 0 and not lines[last].strip():
        last -= 1
    if last > 0 and sent_from.match(lines[last].strip()):
        return lines[:last], lines[last:]
    return lines, []


def _keys(text: str) -> list[str]:
    """Each line as the patterns expect it: no-break spaces made plain, no edge whitespace."""
    if "\xa0" in text or "\u202f" in text:
        text = text.translate(_SPACES)
    return [line.strip() for line in text.split("\n")]


def _has_text(lines: list[str]) -> bool:
    return any(line.strip() for line in lines)


def _join(lines: list[str]) -> str:
    """Lines back into text, without blank lines at the edges or runs of blank lines."""
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
