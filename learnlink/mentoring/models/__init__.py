"""The mentors' records: each tool's models live in a module of their own, named for it."""

from learnlink.mentoring.models.labels import (
    LabelChange,
    LabellerRun,
    MessageLabels,
    labels_of,
)

__all__ = ["LabelChange", "LabellerRun", "MessageLabels", "labels_of"]
