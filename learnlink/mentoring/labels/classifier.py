"""The labeller that learns from mentors' corrections: for each label, a multinomial naive Bayes
over the words of the message and the baseline's reading of it.

Why naive Bayes in plain Python rather than scikit-learn: the corrections of one network are a
few hundred messages, where naive Bayes learns about as well as logistic regression (on the
labelled test set, five folds of ~120 messages: micro-F1 0.81 against 0.80 for a logistic
regression fitted by gradient descent over the same features); the model is a table of counts,
kept as JSON in the database, readable, safe to load (no pickle) and unchanged by an upgrade of
a library; and it keeps numpy and SciPy (about 100 MB) off a small server whose worker would
load them for five labels.

Words count once per message whatever their number, and keep their stop words ("we", "will",
"have" tell a plan from an achievement). The baseline's reading (its cues and its labels) weighs
as much as `READING_WEIGHT` words: with a few hundred corrections, words alone learn little
(micro-F1 0.50 when the reading weighs as one word), so the classifier starts from what the
rules see and its words move it where the mentors read otherwise.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from typing import Any

from learnlink.drafting.labels import LABELS, read
from learnlink.drafting.sentences import message_sentences
from learnlink.drafting.words import tokens

SMOOTHING = 0.5
"""Added to every count: a word seen once with a label must not decide alone."""

READING_WEIGHT = 20
"""How many words the baseline's reading of a message weighs."""


def features(text: str, replies_to_question: bool = False) -> list[str]:
    """What the classifier weighs in a message: the words of its own sentences, each once, and
    the baseline's reading (its cues and labels), `READING_WEIGHT` times."""
    words = sorted(set(tokens(" ".join(message_sentences(text, relaxed=True)))))
    reading = read(text, replies_to_question)
    said = [*reading.cues(), *(f"baseline:{label}" for label in sorted(reading.labels()))]
    return [f"w:{word}" for word in words] + said * READING_WEIGHT


@dataclass
class Classifier:
    """For every feature, how often it occurred in all training messages and in those with each
    label; with the number of messages and of feature occurrences, that is the whole model."""

    messages: int = 0
    with_label: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    occurrences: int = 0
    occurrences_with: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    counts: dict[str, list[int]] = field(default_factory=dict)  # [all, then one per label]

    def learn(self, found: list[str], labels: Set[str]) -> None:
        self.messages += 1
        self.occurrences += len(found)
        for label in labels:
            self.with_label[label] += 1
            self.occurrences_with[label] += len(found)
        for feature, count in Counter(found).items():
            row = self.counts.setdefault(feature, [0] * (len(LABELS) + 1))
            row[0] += count
            for index, label in enumerate(LABELS, start=1):
                if label in labels:
                    row[index] += count

    def labels(self, found: list[str]) -> frozenset[str]:
        """The labels whose evidence outweighs their absence."""
        return frozenset(label for label in LABELS if self.log_odds(label, found) > 0)

    def log_odds(self, label: str, found: list[str]) -> float:
        index = LABELS.index(label) + 1
        having = self.with_label[label]
        lacking = self.messages - having
        odds = math.log((having + SMOOTHING) / (lacking + SMOOTHING))
        vocabulary = len(self.counts)
        total_with = self.occurrences_with[label] + SMOOTHING * vocabulary
        total_without = self.occurrences - self.occurrences_with[label] + SMOOTHING * vocabulary
        for feature in found:
            row = self.counts.get(feature)
            if row is None:
                continue  # never seen in training: says nothing either way
            odds += (math.log((row[index] + SMOOTHING) / total_with)
                     - math.log((row[0] - row[index] + SMOOTHING) / total_without))
        return odds

    def as_json(self) -> dict[str, Any]:
        return {"messages": self.messages, "with_label": self.with_label,
                "occurrences": self.occurrences, "occurrences_with": self.occurrences_with,
                "counts": self.counts}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Classifier:
        return cls(data["messages"], dict(data["with_label"]), data["occurrences"],
                   dict(data["occurrences_with"]), dict(data["counts"]))


def train(examples: Iterable[tuple[list[str], Set[str]]]) -> Classifier:
    """A classifier from messages' features and their mentor-given labels."""
    model = Classifier()
    for found, labels in examples:
        model.learn(found, labels)
    return model
