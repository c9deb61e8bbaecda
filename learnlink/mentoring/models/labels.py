"""What each message is (information, plan, achievement, question, answer): the labels of every
post, who corrected them, and the nightly evaluations that decide which labeller labels.

One row per message, a column per label, so that "how many plans did this organisation share
in March" is one indexed COUNT (`MessageLabelsQuerySet.tally`), and "the labels of these
messages" one query (`labels_of`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from learnlink.drafting.labels import LABELS


class MessageLabelsQuerySet(models.QuerySet["MessageLabels"]):
    def of(self, messages: models.QuerySet | Iterable[int]) -> MessageLabelsQuerySet:
        """The labels of these messages (a QuerySet of messages, or their pks)."""
        return self.filter(message__in=messages)

    def corrected(self) -> MessageLabelsQuerySet:
        """Labels a mentor corrected or confirmed: what the classifier learns from."""
        return self.filter(corrected__isnull=False)

    def as_sets(self) -> dict[int, frozenset[str]]:
        """Each message's labels, by the message's pk."""
        return {row[0]: frozenset(label for label, on in zip(LABELS, row[1:], strict=True) if on)
                for row in self.values_list("message_id", *LABELS)}

    def tally(self) -> dict[str, int]:
        """How many of these messages carry each label, in one query."""
        counts = self.aggregate(**{label: Count("pk", filter=Q(**{label: True}))
                                   for label in LABELS})
        return {label: counts[label] or 0 for label in LABELS}


class MessageLabels(models.Model):
    """The labels of one message: the labeller's, as a mentor corrected them."""

    message = models.OneToOneField("exchange.Message", primary_key=True,
                                   on_delete=models.CASCADE, related_name="labels")
    information = models.BooleanField(_("information"), default=False)
    plan = models.BooleanField(_("plan"), default=False)
    achievement = models.BooleanField(_("achievement"), default=False)
    question = models.BooleanField(_("question"), default=False)
    answer = models.BooleanField(_("answer"), default=False)
    replies_to_question = models.BooleanField(
        default=False, help_text="What the labeller was told: the message replies to a question "
        "of another organisation (the classifier learns from it too)")
    suggested = models.CharField(
        max_length=60, blank=True,
        help_text="The labeller's labels, before any correction, comma-separated")
    labeller = models.CharField(max_length=20, help_text="baseline or classifier")
    labelled = models.DateTimeField(_("labelled"))
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    corrected = models.DateTimeField(_("corrected"), null=True, blank=True)

    objects = MessageLabelsQuerySet.as_manager()

    class Meta:
        verbose_name = _("message labels")
        verbose_name_plural = _("message labels")
        indexes = [models.Index(fields=["corrected"], name="labels_corrected",
                                condition=Q(corrected__isnull=False))]

    def __str__(self) -> str:
        return ", ".join(sorted(self.labels())) or "-"

    def labels(self) -> frozenset[str]:
        return frozenset(label for label in LABELS if getattr(self, label))

    def set_labels(self, labels: Iterable[str]) -> None:
        chosen = set(labels)
        for label in LABELS:
            setattr(self, label, label in chosen)


def labels_of(messages: models.QuerySet | Iterable[int]) -> dict[int, frozenset[str]]:
    """The labels of these messages, by pk, in one query; a message not labelled yet is absent.
    What the contract monitor counts plans, achievements, questions and answers from."""
    return MessageLabels.objects.of(messages).as_sets()


class LabelChange(models.Model):
    """One click of a mentor on a message's labels: which label, on or off, who and when."""

    message = models.ForeignKey("exchange.Message", on_delete=models.CASCADE,
                                related_name="label_changes")
    label = models.CharField(_("label"), max_length=20, blank=True,
                             choices=[(x, x) for x in LABELS],
                             help_text="Blank: the labels were confirmed as they were")
    on = models.BooleanField(_("on"), help_text="Set (or confirmed) rather than taken off")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(_("when"))

    class Meta:
        verbose_name = _("label change")
        verbose_name_plural = _("label changes")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.label} {'on' if self.on else 'off'}"


class LabellerRun(models.Model):
    """A nightly evaluation: the baseline and the classifier trained on mentors' corrections,
    scored on the held-out corrections; the latest run's choice labels new posts."""

    ran = models.DateTimeField(_("ran"), db_index=True)
    corrections = models.PositiveIntegerField(_("corrections"))
    held_out = models.PositiveIntegerField(_("held out"))
    baseline = models.JSONField(null=True, blank=True, help_text="The baseline's scores on the "
                                "held-out corrections (none when there were too few)")
    classifier = models.JSONField(null=True, blank=True, help_text="The classifier's scores on "
                                  "the same corrections")
    chosen = models.CharField(_("chosen"), max_length=20)
    model = models.JSONField(null=True, blank=True, help_text="The classifier, trained on every "
                             "correction, when it was chosen")

    class Meta:
        verbose_name = _("labeller evaluation")
        verbose_name_plural = _("labeller evaluations")
        ordering = ["-ran", "-pk"]

    def __str__(self) -> str:
        return f"{self.ran:%Y-%m-%d}: {self.chosen}"
