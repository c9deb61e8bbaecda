"""Consent given in one line of a reply, as our mail asks for it: "I approve" to a write-up
(writeups/approval.py), "I agree" to a learning contract (contracts/agreement.py).

A line counts only when it says the phrase and nothing more (a "yes" before it and punctuation
aside), so "I agree with Halima, but..." consents to nothing: a reply that discusses must not be
taken for consent. Any line of the reply's own text may carry it, since a greeting often comes
first. Our mail shows the phrases indented: a reply that carries our mail along without quote
marks holds them all, and so says nothing; an indented line is never the sender's answer.
"""

from __future__ import annotations

import re
import unicodedata

YES = r"(?:yes|ndiyo|ndio|oui)"
SEPARATOR = r"\s*[,.;:!-]*\s*"
END = r"\s*[.!]*$"
INDENT = ("    ", "\t")  # how our mail sets out the lines to copy
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\xa0": " "})


def consenting_lines(text: str, line: re.Pattern[str]) -> list[re.Match[str]]:
    """The lines of `text` (not indented) that `line` matches once normalised."""
    return [match for raw in text.splitlines()
            if not raw.startswith(INDENT) and (match := line.match(normalised(raw)))]


def normalised(line: str) -> str:
    """Lower case, one kind of apostrophe, single spaces, no emphasis marks or quotes around."""
    line = unicodedata.normalize("NFC", line).translate(_QUOTES).lower()
    return " ".join(line.split()).strip(" *_\"«»“”")
