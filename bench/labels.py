"""How well the labeller reads what each message is, against a mentor's labels, and how fast.

    .venv/bin/python bench/labels.py [--folds 5]

Reads the labelled test set (tests/data/labels/messages.jsonl, 154 messages in English,
Kiswahili and French) and prints:

- the baseline's agreement with the mentor on the whole set, and per language;
- the nightly choice as the worker makes it, the set taken as mentors' corrections: the
  classifier trained on four fifths (chosen by id), both scored on the fifth held out;
- the same over every fold (each fifth held out in turn), for figures less at the mercy of
  which thirty messages are held out, and with the classifier trained on fewer corrections;
- milliseconds per message for each labeller, and to train.

The baseline's rules were written with this set at hand, so its figures here are optimistic;
the classifier's are held out. Goal: the baseline labels a message in under 5 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import zlib
from collections.abc import Sequence

from _setup import ROOT, TEST_DATA, machine_speed

sys.path.insert(0, str(ROOT))

from learnlink.drafting.labels import label
from learnlink.mentoring.labels.classifier import features, train
from learnlink.mentoring.labels.evaluation import Example, evaluate
from learnlink.mentoring.labels.scores import score


def load() -> tuple[list[Example], dict[str, str]]:
    rows = [json.loads(line) for line in
            (TEST_DATA / "labels" / "messages.jsonl").read_text(encoding="utf-8").splitlines()]
    examples = [Example(r["id"], r["text"], r["replies_to_question"], frozenset(r["labels"]))
                for r in rows]
    return examples, {r["id"]: r["lang"] for r in rows}


def baseline(examples: Sequence[Example]) -> list[frozenset[str]]:
    return [label(e.text, e.replies_to_question) for e in examples]


def fold_of(example: Example, folds: int) -> int:
    return zlib.crc32(str(example.key).encode()) % folds


def cross_validated(examples: Sequence[Example], folds: int, share: float = 1.0) -> None:
    """Each fold held out in turn; the classifier trained on `share` of the rest."""
    ours, theirs = [], []
    for fold in range(folds):
        rest = [e for e in examples if fold_of(e, folds) != fold]
        rest = rest[:round(len(rest) * share)]
        held = [e for e in examples if fold_of(e, folds) == fold]
        model = train((features(e.text, e.replies_to_question), e.labels) for e in rest)
        truth = [e.labels for e in held]
        theirs.append(score(truth, baseline(held)).micro_f1)
        ours.append(score(truth, [model.labels(features(e.text, e.replies_to_question))
                                  for e in held]).micro_f1)
    print(f"  trained on ~{len(rest)} corrections: classifier micro-F1 "
          f"{statistics.mean(ours):.2f} ({' '.join(f'{x:.2f}' for x in ours)}), baseline "
          f"{statistics.mean(theirs):.2f} ({' '.join(f'{x:.2f}' for x in theirs)})")


def per_message_ms(examples: Sequence[Example]) -> None:
    rounds = 5
    started = time.process_time()
    for _ in range(rounds):
        baseline(examples)
    base = (time.process_time() - started) * 1000 / (rounds * len(examples))
    started = time.process_time()
    model = train((features(e.text, e.replies_to_question), e.labels) for e in examples)
    training = (time.process_time() - started) * 1000
    started = time.process_time()
    for _ in range(rounds):
        for e in examples:
            model.labels(features(e.text, e.replies_to_question))
    learned = (time.process_time() - started) * 1000 / (rounds * len(examples))
    size = len(json.dumps(model.as_json()))
    print(f"speed: baseline {base:.2f} ms/message, classifier {learned:.2f} ms/message, "
          f"training on {len(examples)} messages {training:.0f} ms, model {size / 1024:.0f} KB "
          "as JSON")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    examples, language = load()

    print("baseline on the whole test set:")
    whole = score([e.labels for e in examples], baseline(examples))
    print(*(f"  {line}" for line in whole.lines()), sep="\n")
    for code in ("en", "sw", "fr"):
        mine = [e for e in examples if language[str(e.key)] == code]
        print(f"  {code}: {score([e.labels for e in mine], baseline(mine)).lines()[0]}")

    nightly = evaluate(examples)
    print(f"\nthe nightly choice, the set taken as {nightly.corrections} corrections, "
          f"{nightly.held_out} held out:")
    for name, result in (("baseline", nightly.baseline), ("classifier", nightly.classifier)):
        if result is not None:
            print(f"  {name}:", *(f"    {line}" for line in result.lines()), sep="\n")
    print(f"  chosen: {nightly.chosen}")

    print(f"\n{args.folds}-fold cross-validation (micro-F1 per fold):")
    for share in (0.33, 0.66, 1.0):
        cross_validated(examples, args.folds, share)

    print()
    per_message_ms(examples)
    print(machine_speed())


if __name__ == "__main__":
    main()
