"""The questions of a thread, and which of them nobody took up.

The rule, simple enough to explain to a mentor: a question is answered when a later post in the
same thread, by someone else, either replies to the question's message directly or uses at
least half of the question's meaningful words (and at least two of them). A question nobody
answered comes first: it is the one the thread is waiting on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from learnlink.drafting.drafts import Point, Post
from learnlink.drafting.scoring import Sentence
from learnlink.drafting.words import similar

MOST = 5  # questions in a draft


def next_questions(posts: Sequence[Post], sentences: Sequence[Sentence],
                   limit: int = MOST) -> list[Point]:
    """The thread's questions, each asked once: those nobody answered first (oldest first,
    the longest waiting), then the answered ones, most recent first. A post without a
    sentence of its own ("Yes, thanks") still answers the message it replies to."""
    said = [(post, set[str]()) for post in posts]
    for sentence in sentences:
        said[sentence.order][1].update(sentence.words)
    asked: list[tuple[Sentence, bool]] = []
    for sentence in sentences:
        if not sentence.question:
            continue
        answered = _answered(sentence, said)
        same = next((i for i, (other, _) in enumerate(asked)
                     if similar(other.words, sentence.words)), None)
        if same is None:
            asked.append((sentence, answered))
        elif answered:
            asked[same] = (asked[same][0], True)
    waiting = [question for question, answered in asked if not answered]
    taken_up = [question for question, answered in reversed(asked) if answered]
    return ([Point(q.text, q.post.message_id) for q in waiting]
            + [Point(q.text, q.post.message_id, answered=True) for q in taken_up])[:limit]


def _answered(question: Sentence, said: Sequence[tuple[Post, set[str]]]) -> bool:
    asker = question.post
    needed = min(len(question.words), max(2, math.ceil(len(question.words) / 2)))
    for later, words in said[question.order + 1:]:
        if later.author == asker.author or later.thread != asker.thread:
            continue
        if later.in_reply_to == asker.message_id:
            return True
        if needed and len(question.words & words) >= needed:
            return True
    return False
