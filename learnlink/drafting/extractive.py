"""The embedded drafter: a synthesis made only of the thread's own sentences, each linked to its
message, in three parts.

- What has been learned: the sentences that carry the thread (see `scoring`), in the order they
  were posted, questions left out.
- Where we stand: the latest plans and decisions ("we will", "tutafanya", "nous allons"), one
  per speaker, newest three; without any, the main sentence of the last message.
- The next questions: see `questions`.

Posts come in the order they were posted. When no post has a sentence of its own (every one
only quotes), the quoted text stands in, so a mentor still sees what the thread is about.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from learnlink.drafting.drafts import Draft, Point, Post
from learnlink.drafting.questions import next_questions
from learnlink.drafting.scoring import Sentence, choose, score
from learnlink.drafting.sentences import message_sentences, unquoted

MOST_POINTS = 10
STANDING_PLANS = 3
SHORT_PLAN = 10  # words: a plan this short ("If it works we will...") needs what comes before


def extractive_draft(posts: Sequence[Post]) -> Draft:
    """The three parts from the posts' own sentences; an empty draft when there is no text."""
    sentences = read(posts)
    score(sentences)
    statements = [sentence for sentence in sentences if not sentence.question]
    standing = _standing(statements)
    rest = [sentence for sentence in statements if sentence not in standing]
    limit = min(MOST_POINTS, 2 * len(posts) + 1, 2 + round(math.sqrt(len(rest))))
    learned = sorted(choose(rest, limit, rest), key=lambda s: (s.order, s.position))
    return Draft(learned=[Point(s.text, s.post.message_id) for s in learned],
                 standing=" ".join(sentence.text for sentence in standing),
                 next_questions=next_questions(posts, sentences))


def read(posts: Sequence[Post]) -> list[Sentence]:
    """Every sentence of every post, in order: their prose, else the prose they quote (a thread
    of "Thanks!" under a quote), else any line of two words or more."""
    for relaxed in (False, True):
        for quoted in (False, True):
            sentences = []
            for order, post in enumerate(posts):
                text = unquoted(f"{post.text}\n\n{post.quoted}") if quoted else post.text
                for position, sentence in enumerate(message_sentences(text, relaxed=relaxed)):
                    sentences.append(Sentence(sentence, post, order, position))
            if sentences:
                return sentences
    return []


def _standing(statements: Sequence[Sentence]) -> list[Sentence]:
    """The newest plan or decision of each of the last speakers, in the order they were said;
    else the best sentence of the last post that has any."""
    plans: dict[str, Sentence] = {}
    for sentence in reversed(statements):
        if sentence.plan and sentence.post.author not in plans:
            plans[sentence.post.author] = sentence
            if len(plans) == STANDING_PLANS:
                break
    if plans:
        return sorted(_with_context(plans.values(), statements),
                      key=lambda s: (s.order, s.position))
    if not statements:
        return []
    last = statements[-1].order
    return [max((s for s in statements if s.order == last), key=lambda s: s.score)]


def _with_context(plans: Iterable[Sentence], statements: Sequence[Sentence]) -> list[Sentence]:
    """The plans, each short one with the sentence before it in its post."""
    before = {sentence: statements[index - 1] for index, sentence in enumerate(statements)
              if index and statements[index - 1].order == sentence.order}
    found: list[Sentence] = []
    for plan in plans:
        previous = before.get(plan)
        if len(plan.text.split()) < SHORT_PLAN and previous and previous not in found:
            found.append(previous)
        found.append(plan)
    return found
