"""Whether the classifier trained on mentors' corrections labels better than the baseline: both
label the same held-out corrections, which the classifier never saw, and the better micro-F1
wins; a tie keeps the baseline, whose rules a mentor can read.

The held-out share is every fifth corrected message, chosen by its key so that the same message
stays held out night after night; too few corrections train nothing.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from learnlink.drafting.labels import label
from learnlink.mentoring.labels.classifier import Classifier, features, train
from learnlink.mentoring.labels.scores import Scores, score

HELD_OUT_EVERY = 5
FEWEST = 40
"""Corrected messages needed before a classifier is trained: with fewer, its held-out part (a
fifth) is too small to tell the two apart."""

BASELINE = "baseline"
CLASSIFIER = "classifier"


@dataclass(frozen=True)
class Example:
    """A message as a mentor left its labels."""

    key: int | str
    text: str
    replies_to_question: bool
    labels: frozenset[str]


@dataclass(frozen=True)
class Evaluation:
    corrections: int
    held_out: int
    baseline: Scores | None
    classifier: Scores | None
    chosen: str
    model: Classifier | None  # trained on every correction, when it won


def held_out(key: int | str) -> bool:
    number = key if isinstance(key, int) else zlib.crc32(key.encode())
    return number % HELD_OUT_EVERY == 0


def evaluate(examples: Sequence[Example], fewest: int = FEWEST) -> Evaluation:
    """Train on the corrections not held out, score both labellers on the held-out ones, and
    keep the classifier (trained again on all corrections) only if it scored better."""
    training = [e for e in examples if not held_out(e.key)]
    testing = [e for e in examples if held_out(e.key)]
    if len(examples) < fewest or not testing or not training:
        return Evaluation(len(examples), len(testing), None, None, BASELINE, None)
    model = train((features(e.text, e.replies_to_question), e.labels) for e in training)
    truth = [e.labels for e in testing]
    baseline = score(truth, [label(e.text, e.replies_to_question) for e in testing])
    learned = score(truth, [model.labels(features(e.text, e.replies_to_question))
                            for e in testing])
    if learned.micro_f1 <= baseline.micro_f1:
        return Evaluation(len(examples), len(testing), baseline, learned, BASELINE, None)
    final = train((features(e.text, e.replies_to_question), e.labels) for e in examples)
    return Evaluation(len(examples), len(testing), baseline, learned, CLASSIFIER, final)
