"""A first draft of a cycle's synthesis, for the coordinator to edit before publishing.

Extractive and embedded: nothing is invented and nothing is downloaded. For each question the
partners' answers are cut into sentences (or bullet lines) by the drafter (`learnlink.drafting`);
sentences that say nearly the same thing (the drafter's `similar`) are merged into one point
credited to every partner who made it; points made by more partners come first. Recurring
themes are the meaningful words and two-word phrases that several partners use, with stop words
of English, French and Kiswahili left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from learnlink.drafting.sentences import answer_points
from learnlink.drafting.words import STOP_WORDS as COMMON_STOP_WORDS
from learnlink.drafting.words import similar, stem, tokens, words_of

MIN_PARTNERS = 2  # a theme is recurring when at least this many partners use it
MAX_THEMES = 8

# Words every reflection uses ("it worked", "next cycle"), which say nothing about its subject.
STOP_WORDS = COMMON_STOP_WORDS | {
    "worked", "work", "works", "working", "next", "cycle", "cycles", "time", "times", "team",
    "teams", "prochain", "kazi", "mzunguko", "ujao"}

_PUNCTUATION = re.compile(r"[.!?;:,()\n]+")


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


def group_points(answers: Sequence[tuple[str, str]]) -> list[Point]:
    """`answers`: (partner, answer) pairs. Near-duplicate sentences become one point."""
    points: list[Point] = []
    for partner, answer in answers:
        for sentence in answer_points(answer, STOP_WORDS):
            words = set(words_of(sentence, STOP_WORDS))
            same = next((p for p in points if similar(p.words, words)), None)
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
            found.setdefault(stem(word), word)
            after = words[index + 1] if index + 1 < len(words) else ""
            if after and after not in STOP_WORDS and len(after) > 2:
                found.setdefault(f"{stem(word)} {stem(after)}", f"{word} {after}")
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
