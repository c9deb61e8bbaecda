"""The labelled test set, tests/data/labels/messages.jsonl (its README says where it is from)."""

from __future__ import annotations

import json

from learnlink.mentoring.labels.evaluation import Example
from tests.conftest import TEST_DATA

MESSAGES = TEST_DATA / "labels" / "messages.jsonl"


def rows() -> list[dict]:
    with MESSAGES.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def examples() -> list[Example]:
    return [Example(row["id"], row["text"], row["replies_to_question"],
                    frozenset(row["labels"])) for row in rows()]
