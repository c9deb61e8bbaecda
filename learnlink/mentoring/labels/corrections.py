"""A mentor corrects a message's labels: one click sets or takes off one label, or confirms
them all as they are. Either way the message's labels count as a mentor's from then on, and
the nightly retraining learns from them; every click is kept with who and when."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from learnlink.exchange.models import Message
from learnlink.mentoring.labels.labelling import current_labeller, replies_to_question
from learnlink.mentoring.models import LabelChange, MessageLabels

CONFIRM = "ok"
"""What the thread page sends for "these labels are right"."""


@transaction.atomic
def toggle(message: Message, label: str, mentor: User,
           now: datetime.datetime | None = None) -> MessageLabels:
    """Set the label if the message lacks it, else take it off."""
    moment = now or timezone.now()
    row = _labels_of(message, moment)
    value = not getattr(row, label)
    setattr(row, label, value)
    _corrected(row, mentor, moment)
    LabelChange.objects.create(message=message, label=label, on=value, by=mentor, at=moment)
    return row


@transaction.atomic
def confirm(message: Message, mentor: User,
            now: datetime.datetime | None = None) -> MessageLabels:
    """The labels are right as they are: a mentor's from now on, unchanged."""
    moment = now or timezone.now()
    row = _labels_of(message, moment)
    _corrected(row, mentor, moment)
    LabelChange.objects.create(message=message, label="", on=True, by=mentor, at=moment)
    return row


def _labels_of(message: Message, moment: datetime.datetime) -> MessageLabels:
    """The message's labels, locked; labelled now if the worker has not come to it yet."""
    row = MessageLabels.objects.select_for_update().filter(message=message).first()
    if row is not None:
        return row
    replies = replies_to_question([message])[message.pk]
    labeller = current_labeller()
    found = labeller.labels(message.text, replies)
    row = MessageLabels(message=message, replies_to_question=replies, labeller=labeller.name,
                        suggested=",".join(sorted(found)), labelled=moment)
    row.set_labels(found)
    return row


def _corrected(row: MessageLabels, mentor: User, moment: datetime.datetime) -> None:
    row.corrected_by = mentor
    row.corrected = moment
    row.save()
