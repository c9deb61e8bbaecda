"""The labels of the demo network's messages, as the worker would give them (the baseline:
no mentor has corrected any yet)."""

from __future__ import annotations

from learnlink.drafting.labels import LABELS
from learnlink.mentoring.labels.labelling import label_new_messages
from learnlink.mentoring.models import MessageLabels


def load() -> str:
    labelled = 0
    while done := label_new_messages():
        labelled += done
    tally = MessageLabels.objects.tally()
    counts = ", ".join(f"{label} {tally[label]}" for label in LABELS)
    return f"labels: {labelled} messages labelled ({counts})"
