"""The nightly retraining: the classifier learns from every message whose labels a mentor
corrected or confirmed, is weighed against the baseline on the held-out part (`evaluation`),
and the run is recorded with both scores; the latest run's choice labels new posts."""

from __future__ import annotations

import datetime

from django.utils import timezone

from learnlink.mentoring.labels.evaluation import Example, evaluate
from learnlink.mentoring.models import LabellerRun, MessageLabels
from learnlink.mentoring.models.labels import LABELS


def corrections() -> list[Example]:
    """Every mentor-labelled message, as the evaluation reads it."""
    rows = (MessageLabels.objects.corrected().select_related("message")
            .only("message__text", "replies_to_question", *LABELS).order_by("pk"))
    return [Example(row.pk, row.message.text, row.replies_to_question, row.labels())
            for row in rows.iterator(chunk_size=500)]


def retrain(now: datetime.datetime | None = None) -> LabellerRun:
    """Train, compare, record; only the new run keeps a model (older ones keep their scores)."""
    result = evaluate(corrections())
    LabellerRun.objects.filter(model__isnull=False).update(model=None)
    return LabellerRun.objects.create(
        ran=now or timezone.now(), corrections=result.corrections, held_out=result.held_out,
        baseline=result.baseline.as_dict() if result.baseline else None,
        classifier=result.classifier.as_dict() if result.classifier else None,
        chosen=result.chosen, model=result.model.as_json() if result.model else None)
