"""How text becomes words: the same way for the index, the query and the snippet, on both engines.

SQLite's tokenizer (unicode61, remove_diacritics 2) splits on anything that is not a letter or a
digit and ignores case and accents. These helpers do the same in Python, so that the words fed
to PostgreSQL, the words of a query and the words marked in a snippet all agree with it:
"Récépissé d'entrepôt" is the words "recepisse", "d" and "entrepot" everywhere.
"""

import re
import unicodedata

WORD_CHAR = r"[^\W_]"  # a letter or a digit
WORD = re.compile(WORD_CHAR + "+")
# The Unicode blocks of combining diacritical marks: what remove_diacritics strips from Latin
# letters. Marks of other scripts (Devanagari vowel signs) are part of their words and stay.
_DIACRITICS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def storable(text: str) -> str:
    """Text without NUL characters, which mail sometimes carries and PostgreSQL cannot store."""
    return text.replace("\x00", "")


def fold(text: str) -> str:
    """'Récépissé' -> 'recepisse': lower case, no diacritics, storable."""
    if text.isascii():
        return storable(text.lower())
    return storable(_DIACRITICS.sub("", unicodedata.normalize("NFKD", text)).lower())


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return WORD.findall(fold(text))
