"""A question ("who has done warehouse receipts?", "nani amefanya stakabadhi ghalani?", "qui a
fait des récépissés d'entrepôt ?") made into the words that are evidence of having done it.

The question's own words (who, has, done; nani, amefanya; qui, a, fait) and the little words of
the three languages are left out: they are in every message, and would make whoever writes
most the expert of everything. What remains is matched as the search index holds text (folded,
see `search.text`), which stems nothing: the archive mixes English, Kiswahili and French. So
each word is searched as a prefix of its stem, cut so that it still starts every form of the
word: "receipts" as "receipt*", "brokering" as "broker*", "ghalani" (in the store) as "ghala*",
"récépissés" as "recepiss*". Kiswahili also changes the start of a noun from singular to
plural ("shushushu", "mashushushu"; "soko", "masoko"): a Kiswahili question also looks for the
word without its "ma-".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from learnlink.drafting.words import STOP_WORDS
from learnlink.search.query import MAX_TERMS
from learnlink.search.text import words

LONGEST = 2000  # characters of a question read; a longer text is someone's whole message
MOST_WORDS = 8  # words of a question searched for; a longer one keeps its first eight
SHORTEST_STEM = 4  # a shorter prefix ("gra*") finds more unrelated words than forms of one
_SUFFIXES = ("ing", "ies", "es", "ed", "s", "x", "ni")
_SWAHILI_PLURAL = "ma"

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
    """One word of the question as it is searched: `word` as asked (folded), `stem` the
    prefix searched for it (or for another form of it), the whole form when `prefix` is
    false."""

    word: str
    stem: str
    prefix: bool

    @property
    def search_text(self) -> str:
        """The term in the search engine's syntax (`search.query`)."""
        return f"{self.stem}*" if self.prefix else self.stem

    def matches(self, word: str) -> bool:
        """Whether a folded word of some text is a form of this term."""
        return word in (self.word, self.stem) or (self.prefix and word.startswith(self.stem))


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
        return " ".join(term.search_text for term in self.all_terms)

    def also_searching(self, terms: Iterable[Term]) -> Question:
        """The question, also looking for `terms`, as many as the engine takes."""
        known = {term.stem for term in self.terms}
        extra = [term for term in dict.fromkeys(terms) if term.stem not in known]
        return replace(self, also=tuple(extra[:MAX_TERMS - len(self.terms)]))

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
    """The words of a text that can be evidence, as searched, each once."""
    terms: dict[str, Term] = {}
    for word in dict.fromkeys(content_words(text)):
        for term in _forms(word, language):
            terms.setdefault(term.stem, term)
    return list(terms.values())


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


def _forms(word: str, language: str) -> list[Term]:
    """The word as searched, and in a Kiswahili question the same word without "ma-"."""
    found = [_term(word, word)]
    if (language == "sw" and word.startswith(_SWAHILI_PLURAL)
            and len(word) - len(_SWAHILI_PLURAL) >= SHORTEST_STEM):
        found.append(_term(word, word[len(_SWAHILI_PLURAL):]))
    return found


def _term(word: str, form: str) -> Term:
    """`word` as asked, searched as `form` (itself, or a form of it)."""
    stem = stem_of(form)
    return Term(word, stem, prefix=len(stem) >= SHORTEST_STEM and not form.isdigit())


def stem_of(word: str) -> str:
    """The word without one ending of plural, tense or place, and without a final "e", as long
    as SHORTEST_STEM letters remain: always a prefix of the word, so that searching it as a
    prefix finds the word itself and its other forms."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= SHORTEST_STEM:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > SHORTEST_STEM:
        word = word[:-1]
    return word
