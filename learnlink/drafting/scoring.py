"""Which sentences carry a thread: each sentence of each post, scored by how much the thread as
a whole talks about its words, then chosen one at a time (maximal marginal relevance) so that
the draft covers different points, from different speakers, each said once.

A word weighs the number of sentences that use it plus the number of posts that do, so the
words several people take up count most. A sentence's score is the weight of its words over
the square root of how many they are (a long sentence is not worth more for being long), a
little more when it gives a figure or opens its message.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from learnlink.drafting.cues import Figure, figures, is_plan, is_question
from learnlink.drafting.drafts import Post
from learnlink.drafting.words import overlap, similar, words_of

RELEVANCE = 0.7  # against how much a sentence repeats what is already chosen
SPEAKERS = 0.3  # how much a speaker already quoted holds a sentence back
FIGURE_BONUS = 1.3
OPENING_BONUS = 1.1
SHORTLIST = 300  # only the best sentences are weighed against each other


@dataclass(eq=False)
class Sentence:
    """A sentence of a post, with what the drafter reads in it."""

    text: str
    post: Post
    order: int  # the post's place in the thread
    position: int  # the sentence's place in its post
    words: frozenset[str] = field(init=False)
    question: bool = field(init=False)
    plan: bool = field(init=False)
    figures: list[Figure] = field(init=False)
    score: float = 0.0

    def __post_init__(self) -> None:
        self.words = frozenset(words_of(self.text))
        self.question = is_question(self.text)
        self.plan = not self.question and is_plan(self.text)
        self.figures = figures(self.text)


def score(sentences: Sequence[Sentence]) -> None:
    """Give every sentence its score (see the module's docstring)."""
    in_sentences: Counter[str] = Counter()
    in_posts: Counter[str] = Counter()
    seen: dict[int, set[str]] = {}
    for sentence in sentences:
        in_sentences.update(sentence.words)
        post_words = seen.setdefault(sentence.order, set())
        in_posts.update(sentence.words - post_words)
        post_words |= sentence.words
    for sentence in sentences:
        weight = sum(in_sentences[word] + in_posts[word] for word in sentence.words)
        value = weight / math.sqrt(len(sentence.words)) if sentence.words else 0.0
        if sentence.figures:
            value *= FIGURE_BONUS
        if sentence.position == 0:
            value *= OPENING_BONUS
        sentence.score = value


def choose(candidates: Sequence[Sentence], limit: int,
           everything: Sequence[Sentence] = ()) -> list[Sentence]:
    """Up to `limit` sentences, best first, each new one weighed against those chosen: a
    sentence that says again what a chosen one said is left out, and one whose speaker is
    already quoted is held back. Among near-identical sentences of `everything`, the first
    said stands for the point, so the link goes to whoever said it first."""
    shortlist = sorted(candidates, key=lambda s: -s.score)[:SHORTLIST]
    best = shortlist[0].score if shortlist and shortlist[0].score else 1.0
    repeats = dict.fromkeys(shortlist, 0.0)
    chosen: list[Sentence] = []
    speakers: Counter[str] = Counter()
    while repeats and len(chosen) < limit:
        def worth(sentence: Sentence) -> float:
            share = speakers[sentence.post.author] / len(chosen) if chosen else 0.0
            return (RELEVANCE * sentence.score / best - (1 - RELEVANCE) * repeats[sentence]
                    - SPEAKERS * share)

        pick = max(repeats, key=worth)
        del repeats[pick]
        if any(similar(pick.words, other.words) for other in chosen):
            continue
        pick = _first_to_say(pick, everything)
        chosen.append(pick)
        speakers[pick.post.author] += 1
        for other in repeats:
            repeats[other] = max(repeats[other], overlap(other.words, pick.words))
    return chosen


def _first_to_say(sentence: Sentence, everything: Sequence[Sentence]) -> Sentence:
    for earlier in everything:
        if earlier.order >= sentence.order:
            break
        if (earlier.post.author != sentence.post.author and not earlier.question
                and similar(earlier.words, sentence.words)):
            return earlier
    return sentence
