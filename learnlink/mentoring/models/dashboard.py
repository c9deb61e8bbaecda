"""The mentor dashboard's records: each group's settings for it, the questions noted as
messages enter the archive (so the dashboard never reads the messages themselves), and the
morning summaries sent."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

DEFAULT_ANSWER_DAYS = 5


class DashboardSettings(models.Model):
    """One group's settings of the mentor dashboard; a group without a row has the defaults."""

    group = models.OneToOneField("exchange.Group", on_delete=models.CASCADE, primary_key=True,
                                 related_name="dashboard_settings")
    answer_days = models.PositiveSmallIntegerField(
        _("days a question may wait for an answer"), default=DEFAULT_ANSWER_DAYS,
        help_text=_("After this many days without an answer from another organisation, a "
                    "question shows on the mentor dashboard."))
    nudges = models.BooleanField(
        _("send nudges"), default=True,
        help_text=_("Polite reminders to the group's organisations: when the group is quiet, "
                    "a question waits or a plan has had no news."))

    class Meta:
        verbose_name = _("dashboard settings")
        verbose_name_plural = _("dashboard settings")

    def __str__(self) -> str:
        return str(self.group)


class QuestionQuerySet(models.QuerySet["Question"]):
    def waiting(self, groups: models.QuerySet, now: datetime.datetime) -> QuestionQuerySet:
        """The dashboard's rows: questions in `groups` nobody answered in their group's time,
        the most recently due first (those still worth answering). Filtered and ordered by
        this table's own index alone; the page's few messages and groups come in two more
        queries (joined here, SQLite read every question of the groups to sort them)."""
        from learnlink.exchange.models import Message

        messages = Message.objects.select_related("sender").defer(
            "text", "quoted", "signature", "html", "references")
        return (self.filter(answered__isnull=True, due__lte=now, group__in=groups)
                .prefetch_related("group", Prefetch("message", messages))
                .order_by("-due", "-pk"))


class Question(models.Model):
    """A message that asks something, noted when it was archived; `answered` once someone
    outside the asker's organisations replied to it (or to a reply below it). `group` is the
    message's, kept here so that the dashboard reads this table alone (`refresh_threads`
    follows a message that clean-up moved to another group)."""

    message = models.OneToOneField("exchange.Message", on_delete=models.CASCADE,
                                   primary_key=True, related_name="question")
    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE, related_name="+")
    text = models.CharField(_("question"), max_length=300)
    asked = models.DateTimeField(_("asked"))
    due = models.DateTimeField(_("answer due"),
                               help_text="When it shows as unanswered: asked + the group's days")
    answered = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey("exchange.Message", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        indexes = [models.Index(fields=["group", "-due"], condition=Q(answered__isnull=True),
                                name="question_open")]

    def __str__(self) -> str:
        return self.text


class MorningSummary(models.Model):
    """A mentor's morning summary of one day, recorded in the transaction that queues it, so
    that a worker running twice sends it once."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="morning_summaries")
    day = models.DateField()

    class Meta:
        verbose_name = _("morning summary")
        verbose_name_plural = _("morning summaries")
        constraints = [models.UniqueConstraint(fields=["person", "day"],
                                               name="morning_summary_once_a_day")]

    def __str__(self) -> str:
        return f"{self.person} {self.day}"
