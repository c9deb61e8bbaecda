"""A question ("who has done warehouse receipts?", "nani amefanya stakabadhi ghalani?", "qui a
fait des récépissés d'entrepôt ?") made into the words that are evidence of having done it.

The question's own words (who, has, done; nani, amefanya; qui, a, fait) and the little words of
the three languages are left out: they are in every message, and would make whoever writes
most the expert of everything. What remains is matched as the search index holds text (folded,
see `search.text`), which stems nothing: the archive mixes English, Kiswahili and French. So
each word is also searched in the few other forms its ending suggests: "receipts" and
"receipt", "brokering" and "broker", "spies" and "spy", "ghalani" (in the store) and "ghala",
"récépissés" and "récépissé". Kiswahili also changes the start of a noun from singular to
plural ("shushushu", "mashushushu"; "soko", "masoko"): a Kiswahili question also looks for the
word without its "ma-". The forms are whole words, not prefixes: a prefix ("test*") made the
engine read every word that starts with it and cost five times an exact word on the benchmark
archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import zip_longest

from learnlink.drafting.words import STOP_WORDS
from learnlink.search.text import words

LONGEST = 2000  # characters of a question read; a longer text is someone's whole message
MOST_WORDS = 8  # words of a question searched for; a longer one keeps its first eight
# Endings, the endings that replace them in the word's base form, and how many letters the
# rest must keep: plurals (English, French), tenses (English), the place (Kiswahili "-ni":
# "ghalani", in the store). Where the base is unsure, both ("grades": "grade" or "grad").
_ENDINGS = (("ies", ("y",), 2), ("ied", ("y",), 2), ("sses", ("ss", "sse"), 2),
            ("ss", ("ss",), 1), ("es", ("e", ""), 3), ("s", ("",), 3), ("ing", ("", "e"), 3),
            ("ed", ("", "e"), 3), ("ni", ("",), 3))
_SWAHILI_PLURAL = "ma"
_VOWELS = "aeiou"

# The words that ask, in each language, and a few little words each uses most: what tells the
# language of a question apart (for the answer by mail) and is never evidence.
QUESTION_WORDS = {
    "en": """who whom whose which what anyone anybody someone somebody everyone has have had
        done did does do doing tried try tries trying already ever experience experienced know
        knows knew knowledge worked work works working group groups organisation organisations
        people person is are was were been the of and in with about on for find peer peers
        expert experts successfully before""",
    "sw": """nani yupi wepi wapi gani je nini kikundi vikundi kundi shirika mashirika mtu watu
        amefanya wamefanya alifanya walifanya anafanya wanafanya atafanya amejaribu wamejaribu
        alijaribu walijaribu ameweza wameweza ana wana alikuwa walikuwa mwenye wenye uzoefu
        ujuzi anajua wanajua amewahi wamewahi ashafanya tayari kuhusu habari wa ya za na kwa
        katika ni la cha vya kwenye mtaalamu wataalamu""",
    "fr": """qui quel quelle quels quelles lequel laquelle a ont avait avaient eu fait faits
        faite déjà deja essayé essaye tenté tente expérience experience connaît connait sait
        savent quelqu quelqu'un personne groupe groupes organisation organisations le la les
        des de du d l un une et avec sur dans en au aux pour est sont réussi reussi""",
}
_QUESTION_WORDS = {language: frozenset(words(listed))
                   for language, listed in QUESTION_WORDS.items()}
_NOT_EVIDENCE = frozenset(words(" ".join(STOP_WORDS))).union(*_QUESTION_WORDS.values())


@dataclass(frozen=True)
class Term:
    """One word of the question (`word`, folded) and the forms of it searched for, itself
    first."""

    word: str
    forms: tuple[str, ...]

    def matches(self, word: str) -> bool:
        """Whether a folded word of some text is a form of this term."""
        return word in self.forms


@dataclass(frozen=True)
class Question:
    """What was asked: its words that are evidence, each once, in the order asked; the
    language the question seems to be in ("" when it does not say); and whether words were
    left out because the question was too long."""

    text: str
    terms: tuple[Term, ...]
    language: str
    cut: bool = False
    also: tuple[Term, ...] = ()  # the same things in other words (another language's)

    @property
    def all_terms(self) -> tuple[Term, ...]:
        return self.terms + self.also

    @property
    def search_text(self) -> str:
        """Every form of every word, in the search engine's syntax: each word asked itself
        first, then each one's next form, and so on, then the same for the words in other
        languages; so that the engine's limit of terms cuts the least likely forms first, and
        a word asked counts for more than its translation (more of its forms are searched)."""
        forms = [form for terms in (self.terms, self.also)
                 for forms in zip_longest(*(term.forms for term in terms))
                 for form in forms if form]
        return " ".join(dict.fromkeys(forms))

    def also_searching(self, terms: Iterable[Term]) -> Question:
        """The question, also looking for `terms` (those it does not already ask)."""
        known = {term.word for term in self.terms}
        return replace(self, also=tuple(t for t in dict.fromkeys(terms) if t.word not in known))

    @property
    def shown(self) -> str:
        """The words searched for, as the question wrote them (folded)."""
        return " ".join(dict.fromkeys(term.word for term in self.terms))


def read_question(text: str) -> Question:
    """The question's evidence words, at most MOST_WORDS, and its language."""
    text = " ".join(text[:LONGEST].split())
    language = guess_language(words(text))
    terms = read_terms(text, language)
    return Question(text, tuple(terms[:MOST_WORDS]), language, cut=len(terms) > MOST_WORDS)


def read_terms(text: str, language: str = "") -> list[Term]:
    """The words of a text that can be evidence, each once, with their forms."""
    return [Term(word, _forms(word, language)) for word in dict.fromkeys(content_words(text))]


def guess_language(folded: list[str]) -> str:
    """The language whose asking and little words the question uses most; "" on a tie or when
    it uses none."""
    counts = Counter(language for word in folded
                     for language, listed in _QUESTION_WORDS.items() if word in listed)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return ""
    return ranked[0][0]


def content_words(text: str) -> list[str]:
    """The folded words of a text that can be evidence (for matching names, not questions)."""
    return [word for word in words(text) if word not in _NOT_EVIDENCE and len(word) > 1]


def _forms(word: str, language: str) -> tuple[str, ...]:
    """The word, its base forms and (in English or an unknown language) the base's plural,
    past and "-ing"; in French the plural or singular only; in Kiswahili the word without
    "-ni" and without "ma-". Forms that are no word cost the engine nothing."""
    if word.isdigit():
        return (word,)
    bases = _bases(word)
    if language == "sw":
        found = [word, *bases]
        if word.startswith(_SWAHILI_PLURAL) and len(word) - len(_SWAHILI_PLURAL) > 3:
            found.append(word[len(_SWAHILI_PLURAL):])
    elif language == "fr":
        found = [word, *bases, *(_plural(base) for base in bases)]
    else:
        found = [word, *bases, *(form for base in bases for form in _english(base))]
    return tuple(dict.fromkeys(found))


def _bases(word: str) -> list[str]:
    """The word without its ending: "receipts" -> "receipt", "spies" -> "spy"."""
    for ending, replacements, shortest in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= shortest:
            return [word[: -len(ending)] + replacement for replacement in replacements]
    return [word]


def _plural(base: str) -> str:
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        return base[:-1] + "ies"
    return base + ("es" if base.endswith(("s", "x", "ch", "sh")) else "s")


def _english(base: str) -> list[str]:
    """The base's plural (or third person), past and "-ing" forms."""
    if base.endswith("e"):
        return [_plural(base), base + "d", base[:-1] + "ing"]
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        return [_plural(base), base[:-1] + "ied", base + "ing"]
    return [_plural(base), base + "ed", base + "ing"]
