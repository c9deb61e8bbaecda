"""A first draft of a cycle's synthesis, for the coordinator to edit before publishing.

Extractive and embedded: nothing is invented and nothing is downloaded. For each question the
partners' answers are cut into sentences (or bullet lines); sentences that say nearly the same
thing are merged into one point credited to every partner who made it; points made by more
partners come first. Recurring themes are the meaningful words and two-word phrases that
several partners use, with stop words of English, French and Kiswahili left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

SIMILAR = 0.5  # share of meaningful words two sentences must have in common to be one point
MIN_PARTNERS = 2  # a theme is recurring when at least this many partners use it
MAX_THEMES = 8

_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done down during each even few for from
further get got had has have having he her here hers him his how i if in into is it its itself
just less let like made make many may me more most much must my no nor not now of off often on
once only or other our ours out over own per quite rather same she should since so some such
than that the their theirs them then there these they this those through to too under until up
upon us very was we were what when where which while who whom why will with within without
would yet you your themselves itself himself herself ourselves also still well good better
worked work works working next cycle cycles time times did didn't don't not team teams will
want able way ways need needed au aux avec ce ces cette dans de des du elle elles en est et
être été eu il ils je la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous on
ont ou où par pas plus pour qu que qui sa se ses si son sont sur ta te tes toi ton tous tout
toute toutes très tu un une vos votre vous y ça était avons avait fait faire bien bon bonne
aussi donc alors comme peu sans entre après avant encore déjà chaque cycle prochain na ya wa za
la kwa katika ni si kama lakini au pia hii hiyo huo hizo hao sisi wao yeye mimi wewe nyinyi
kuwa kwamba ili hata tu sana zaidi kila baadhi bado tena kwenye hapa pale huko nini gani wakati
baada kabla bila pamoja ndani nje juu chini vizuri vile hivyo hivi ambao ambayo ambapo kutoka
mpaka hadi yetu wetu letu zetu kwetu kazi mzunguko ujao moja mbili tatu nne tano
one two three four five first second third came come comes took take takes gave give gives went
go goes got put said new old deux trois quatre premier première deuxième
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())  # English, French, Kiswahili

_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")
_CLAUSE = re.compile(r":\s+|,\s+(?:and|but|et|mais|na|lakini)\s+")
_PUNCTUATION = re.compile(r"[.!?;:,()\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass
class Point:
    """One thing said, in the words of the first partner who said it, and who said it."""

    text: str
    partners: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set, repr=False)

    def credit(self) -> str:
        return f"{self.text} ({', '.join(self.partners)})"


@dataclass
class Theme:
    phrase: str
    partners: list[str]


@dataclass
class QuestionDraft:
    points: list[Point]
    themes: list[Theme]

    def as_text(self) -> str:
        return "\n".join(f"- {point.credit()}" for point in self.points)


def sentences(text: str) -> list[str]:
    """The points of an answer: its sentences or bullet lines, cut again where a clause
    starts after a colon or ", and" (", et", ", na"), without bullets."""
    found: list[str] = []
    for piece in _SENTENCE.split(text or ""):
        piece = _BULLET.sub("", piece).strip()
        for index, clause in enumerate(_CLAUSE.split(piece)):
            clause = clause.strip().rstrip(";")
            if len(words_of(clause)) < 2 and len(clause) <= 12:
                continue
            if index and found:
                clause = clause[:1].upper() + clause[1:]
            found.append(clause)
    return found


def _stem(word: str) -> str:
    """Plural and simple verb endings off, so 'surveys' and 'survey' count as one word."""
    for ending in ("ies", "es", "s", "ing", "ed"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)] + ("y" if ending == "ies" else "")
    return word


def tokens(text: str) -> list[str]:
    return [word.lower().replace("’", "'") for word in _WORD.findall(text)]


def words_of(text: str) -> list[str]:
    """The meaningful words of a text, stemmed, in order."""
    return [_stem(word) for word in tokens(text) if word not in STOP_WORDS and len(word) > 2]


def _similar(first: set[str], second: set[str]) -> bool:
    """Nearly the same point: most words shared, or at least three with most of the shorter."""
    if not first or not second:
        return first == second
    common = len(first & second)
    shorter = min(len(first), len(second))
    return (common / len(first | second) >= SIMILAR or common / shorter >= 0.8
            or (common >= 3 and common / shorter >= 0.6))


def group_points(answers: Sequence[tuple[str, str]]) -> list[Point]:
    """`answers`: (partner, answer) pairs. Near-duplicate sentences become one point."""
    points: list[Point] = []
    for partner, answer in answers:
        for sentence in sentences(answer):
            words = set(words_of(sentence))
            same = next((p for p in points if _similar(p.words, words)), None)
            if same is None:
                points.append(Point(sentence, [partner], words))
            elif partner not in same.partners:
                same.partners.append(partner)
    order = {id(point): index for index, point in enumerate(points)}
    return sorted(points, key=lambda p: (-len(p.partners), order[id(p)]))


def _phrases(text: str) -> dict[str, str]:
    """Meaningful words, and two-word phrases of meaningful words within a clause: stemmed, to
    how they were written (lower case)."""
    found: dict[str, str] = {}
    for piece in _PUNCTUATION.split(text):
        words = tokens(piece)
        for index, word in enumerate(words):
            if word in STOP_WORDS or len(word) <= 2:
                continue
            found.setdefault(_stem(word), word)
            after = words[index + 1] if index + 1 < len(words) else ""
            if after and after not in STOP_WORDS and len(after) > 2:
                found.setdefault(f"{_stem(word)} {_stem(after)}", f"{word} {after}")
    return found


def recurring_themes(answers: Iterable[tuple[str, str]], limit: int = MAX_THEMES) -> list[Theme]:
    """Words and phrases used by at least MIN_PARTNERS partners, most partners first; a word
    is left out when a phrase containing it is used by at least half as many partners."""
    by_phrase: dict[str, list[str]] = {}
    written: dict[str, Counter[str]] = {}
    for partner, answer in answers:
        for phrase, as_written in _phrases(answer).items():
            users = by_phrase.setdefault(phrase, [])
            if partner not in users:
                users.append(partner)
            written.setdefault(phrase, Counter())[as_written] += 1
    recurring = {phrase: users for phrase, users in by_phrase.items()
                 if len(users) >= MIN_PARTNERS}
    pairs = [phrase for phrase in recurring if " " in phrase]
    kept = [phrase for phrase, users in recurring.items()
            if " " in phrase or not any(
                phrase in pair.split() and 2 * len(recurring[pair]) >= len(users)
                for pair in pairs)]
    kept.sort(key=lambda phrase: (-len(recurring[phrase]), -len(phrase.split()), phrase))
    return [Theme(written[phrase].most_common(1)[0][0], recurring[phrase])
            for phrase in kept[:limit]]


def draft_question(answers: Sequence[tuple[str, str]]) -> QuestionDraft:
    return QuestionDraft(group_points(answers), recurring_themes(answers))


@dataclass
class Draft:
    questions: dict[str, QuestionDraft]
    themes: list[Theme]

    def initial(self) -> dict[str, str]:
        """The synthesis form, pre-filled."""
        fields = {key: question.as_text() for key, question in self.questions.items()}
        fields["themes"] = "\n".join(theme.phrase for theme in self.themes)
        return fields


def draft(answers: Mapping[str, Sequence[tuple[str, str]]]) -> Draft:
    """`answers`: for each question key, the (partner, answer) pairs."""
    questions = {key: draft_question(pairs) for key, pairs in answers.items()}
    everything: dict[str, str] = {}
    for pairs in answers.values():
        for partner, text in pairs:
            everything[partner] = f"{everything.get(partner, '')}\n{text}"
    return Draft(questions, recurring_themes(everything.items()))
