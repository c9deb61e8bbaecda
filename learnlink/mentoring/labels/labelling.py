"""Labelling posts: the worker labels what has arrived since its last round, with whichever
labeller the latest nightly evaluation chose.

The worker's cursor is the missing row: a message without labels is new. That also catches a
placeholder whose message arrives at last (its pk is old, so a cursor on the highest pk labelled
would miss it); each round takes the oldest `BATCH` of them, so a big import is labelled over a
few rounds without holding the worker.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils import timezone

from learnlink.drafting.labels import label
from learnlink.exchange.models import Message
from learnlink.mentoring.labels.classifier import Classifier, features
from learnlink.mentoring.labels.evaluation import BASELINE, CLASSIFIER
from learnlink.mentoring.models import LabellerRun, MessageLabels
from learnlink.people.models import Affiliation

BATCH = 500
"""Messages labelled per round of the worker."""

_READ = ("pk", "text", "sender_id", "sender_address", "parent_id", "parent__text",
         "parent__sender_id", "parent__sender_address", "parent__is_placeholder")


@dataclass(frozen=True)
class Labeller:
    name: str
    labels: Callable[[str, bool], frozenset[str]]


_classifier: tuple[int, Classifier] | None = None  # the chosen run's pk and its model, loaded once


def current_labeller() -> Labeller:
    """The labeller the latest evaluation chose: the baseline until a classifier beat it."""
    global _classifier
    run = LabellerRun.objects.only("pk", "chosen").first()
    if run is None or run.chosen != CLASSIFIER:
        return Labeller(BASELINE, label)
    if _classifier is None or _classifier[0] != run.pk:
        data = LabellerRun.objects.values_list("model", flat=True).get(pk=run.pk)
        if not data:
            return Labeller(BASELINE, label)
        _classifier = (run.pk, Classifier.from_json(data))
    model = _classifier[1]
    return Labeller(CLASSIFIER, lambda text, replies: model.labels(features(text, replies)))


def label_new_messages(limit: int = BATCH, now: datetime.datetime | None = None) -> int:
    """Label the oldest messages that have no labels yet; how many were labelled."""
    messages = list(Message.objects.filter(is_placeholder=False, labels__isnull=True)
                    .select_related("parent").only(*_READ).order_by("pk")[:limit])
    if not messages:
        return 0
    labeller = current_labeller()
    replies = replies_to_question(messages)
    moment = now or timezone.now()
    rows = []
    for message in messages:
        found = labeller.labels(message.text, replies[message.pk])
        row = MessageLabels(message=message, replies_to_question=replies[message.pk],
                            suggested=",".join(sorted(found)), labeller=labeller.name,
                            labelled=moment)
        row.set_labels(found)
        rows.append(row)
    MessageLabels.objects.bulk_create(rows, ignore_conflicts=True)  # another worker was first
    return len(rows)


def replies_to_question(messages: Sequence[Message]) -> dict[int, bool]:
    """Which messages reply directly to a question of another organisation: the message they
    reply to asks (in its labels, else in the baseline's reading) and its writer shares no
    organisation of their own with this one's (an umbrella they belong to through one of their
    groups does not count); writers the directory does not place are compared by address.
    Load messages with `parent` (see `_READ`); three queries for the whole batch."""
    parents = {m.parent.pk: m.parent for m in messages
               if m.parent is not None and not m.parent.is_placeholder}
    asked = dict(MessageLabels.objects.filter(message_id__in=parents)
                 .values_list("message_id", "question"))
    asks = {pk: asked[pk] if pk in asked else "question" in label(parent.text)
            for pk, parent in parents.items()}
    people = {m.sender_id for m in [*messages, *parents.values()] if m.sender_id}
    own = people_organisations(people)
    found = {}
    for message in messages:
        parent = parents.get(message.parent_id or 0)
        found[message.pk] = bool(parent is not None and asks[parent.pk]
                                 and _other_organisation(message, parent, own))
    return found


def people_organisations(people: set[int]) -> dict[int, set[int]]:
    """Each person's organisations, less those that are the umbrella of another of theirs."""
    rows = Affiliation.objects.filter(person_id__in=people).values_list(
        "person_id", "organisation_id", "organisation__parent_id")
    organisations: dict[int, set[int]] = defaultdict(set)
    umbrellas: dict[int, set[int]] = defaultdict(set)
    for person, organisation, umbrella in rows:
        organisations[person].add(organisation)
        if umbrella is not None:
            umbrellas[person].add(umbrella)
    return {person: found - umbrellas[person] for person, found in organisations.items()}


def _other_organisation(message: Message, parent: Message, own: dict[int, set[int]]) -> bool:
    if message.sender_id and parent.sender_id:
        if message.sender_id == parent.sender_id:
            return False
        mine, theirs = own.get(message.sender_id), own.get(parent.sender_id)
        return not (mine and theirs and mine & theirs)
    return message.sender_address.lower() != parent.sender_address.lower()
