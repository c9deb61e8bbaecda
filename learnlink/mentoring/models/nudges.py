"""Nudges: polite reminders to an organisation when its group went quiet, when a question to
the group waits for an answer, or when a plan it shared long ago has had no news. Each nudge
sent is a row with a unique key (the thing it is about), so none goes out twice; a "not now"
snoozes one kind for one organisation, an opt-out stops them for one person; each mentor's
weekly summary of the nudges is recorded as it is queued."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NudgeKind(models.TextChoices):
    QUIET = "quiet", _("a quiet group")
    QUESTION = "question", _("an unanswered question")
    PLAN = "plan", _("a plan with no news")


class Nudge(models.Model):
    organisation = models.ForeignKey("people.Organisation", on_delete=models.CASCADE,
                                     related_name="nudges")
    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=NudgeKind.choices)
    key = models.CharField(max_length=100,
                           help_text="What it is about: the quiet spell, the question, the plan")
    message = models.ForeignKey("exchange.Message", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    sent = models.DateTimeField(_("sent"), db_index=True)
    recipients = models.PositiveSmallIntegerField(_("people written to"), default=0)

    class Meta:
        verbose_name = _("nudge")
        verbose_name_plural = _("nudges")
        constraints = [models.UniqueConstraint(fields=["organisation", "key"],
                                               name="nudge_once_per_organisation")]
        indexes = [models.Index(fields=["organisation", "-sent"], name="nudge_latest")]

    def __str__(self) -> str:
        return f"{self.kind} to {self.organisation_id}: {self.key}"


class NudgeSnooze(models.Model):
    """'Not now': no nudge of this kind to this organisation until `until`."""

    organisation = models.ForeignKey("people.Organisation", on_delete=models.CASCADE,
                                     related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=NudgeKind.choices)
    until = models.DateTimeField(_("until"))

    class Meta:
        verbose_name = _("nudge snoozed")
        verbose_name_plural = _("nudges snoozed")
        constraints = [models.UniqueConstraint(fields=["organisation", "kind"],
                                               name="nudge_snooze_once")]

    def __str__(self) -> str:
        return f"{self.kind} for {self.organisation_id} until {self.until:%Y-%m-%d}"


class NudgeOptOut(models.Model):
    """This person wants no more nudges, from any group."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE,
                                  primary_key=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nudge opt-out")
        verbose_name_plural = _("nudge opt-outs")

    def __str__(self) -> str:
        return str(self.person_id)


class NudgeSummary(models.Model):
    """A mentor's weekly summary of nudges, for the week starting on `week` (a Monday)."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="nudge_summaries")
    week = models.DateField()

    class Meta:
        verbose_name = _("nudge summary")
        verbose_name_plural = _("nudge summaries")
        constraints = [models.UniqueConstraint(fields=["person", "week"],
                                               name="nudge_summary_once_a_week")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.week}"
