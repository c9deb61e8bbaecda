"""The English sentences of our own catalogue, to find any left untranslated in what a reader
of Kiswahili or French is shown: a page, a notice."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "learnlink" / "locale"

# A run of this many words from a msgid is a sentence of ours, not a name or a word that the
# languages share ("Page", "Email", "Muheza").
WORDS = 3
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\w*\}")
_TAG = re.compile(r"<[^>]*>")


@functools.cache
def english_sentences(language: str) -> tuple[str, ...]:
    """The parts of the catalogue's msgids between their placeholders that are WORDS words or
    longer, of every message whose translation into `language` differs from its English."""
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        catalogue = read_po(po)
    found = set()
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not ids[0] or set(ids) == set(strings):
            continue
        for text in ids:
            for part in _PLACEHOLDER.split(text):
                part = " ".join(part.split()).strip(" ,.:;()\"'«»“”")
                if len(re.findall(r"[A-Za-z]+", part)) >= WORDS and part not in strings:
                    found.add(part)
    return tuple(sorted(found, key=len, reverse=True))


def readable_text(page: str) -> str:
    """What a person reads of a page or a mail: tags gone, entities decoded, spaces collapsed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(_TAG.sub(" ", page)).split())


def english_in(text: str, language: str) -> list[str]:
    """The catalogue's English sentences found, as whole words, in `text`, which should be in
    `language`."""
    return sorted(set(_sentences_pattern(language).findall(" ".join(text.split()))))


@functools.cache
def _sentences_pattern(language: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(sentence) for sentence in english_sentences(language))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
