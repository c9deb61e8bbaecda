"""How well a labeller agrees with mentors' labels: per label precision and recall, the share
of messages whose labels are exactly right, and micro-F1 (every label decision of every
message counted together), the one number the nightly retraining compares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

from learnlink.drafting.labels import LABELS


@dataclass(frozen=True)
class LabelScore:
    label: str
    precision: float
    recall: float
    support: int  # messages the mentors gave this label


@dataclass(frozen=True)
class Scores:
    messages: int
    exact: float
    micro_f1: float
    per_label: tuple[LabelScore, ...]

    def lines(self) -> list[str]:
        """The figures as the test and the bench print them."""
        return [f"messages={self.messages} exact-match={self.exact:.2f} "
                f"micro-F1={self.micro_f1:.2f}",
                *(f"  {s.label:<12} precision={s.precision:.2f} recall={s.recall:.2f} "
                  f"support={s.support}" for s in self.per_label)]

    def as_dict(self) -> dict[str, object]:
        return {"messages": self.messages, "exact": round(self.exact, 4),
                "micro_f1": round(self.micro_f1, 4),
                "per_label": {s.label: {"precision": round(s.precision, 4),
                                        "recall": round(s.recall, 4), "support": s.support}
                              for s in self.per_label}}


def score(truth: Sequence[Set[str]], guessed: Sequence[Set[str]],
          labels: Iterable[str] = LABELS) -> Scores:
    """Compare guessed label sets with the mentors' ones, message by message."""
    if len(truth) != len(guessed):
        raise ValueError("one guess per message")
    per_label = []
    hits = said = meant = 0
    for label in labels:
        right = sum(1 for t, g in zip(truth, guessed, strict=True) if label in t and label in g)
        guesses = sum(1 for g in guessed if label in g)
        support = sum(1 for t in truth if label in t)
        per_label.append(LabelScore(label, _ratio(right, guesses), _ratio(right, support),
                                    support))
        hits, said, meant = hits + right, said + guesses, meant + support
    exact = sum(1 for t, g in zip(truth, guessed, strict=True) if set(t) == set(g))
    return Scores(len(truth), _ratio(exact, len(truth)), _ratio(2 * hits, said + meant),
                  tuple(per_label))


def _ratio(part: int, whole: int) -> float:
    """A share, 1.0 when there is nothing to get wrong (no guess, or nothing to find)."""
    return part / whole if whole else 1.0
