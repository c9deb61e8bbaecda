"""Cycles of an alliance: each runs through the four steps of a learning cycle, in dates that
must not overlap another cycle's, so every task, space and answer belongs to exactly one."""

from __future__ import annotations

from typing import Self, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models.alliances import Alliance, Partner
from learnlink.lib.dates import shown


class Step(models.TextChoices):
    """The four steps of every cycle, in their order."""

    GOAL = "goal", _("identify a common goal")
    LEARN = "learn", _("learn with direction from best-practice guides")
    PRACTICE = "practice", _("put into practice what has been learned")
    REFLECT = "reflect", _("reflect and feed back on what worked and what did not")


_Row = TypeVar("_Row", bound=models.Model)


class InCycleQuerySet(models.QuerySet[_Row]):
    """Rows that belong to one cycle each (stages, spaces, answers, syntheses)."""

    def of(self, alliance: Alliance) -> Self:
        """The rows of every cycle of the alliance."""
        return self.filter(cycle__alliance=alliance)


class Cycle(models.Model):
    """One round of learning, practice and reflection; `number` counts from 1 per alliance."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="cycles")
    number = models.PositiveSmallIntegerField(_("number"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    theme = models.CharField(_("theme"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        ordering = ["alliance", "number"]
        constraints = [models.UniqueConstraint(fields=["alliance", "number"],
                                               name="cycle_number_once")]

    def __str__(self) -> str:
        return _("Cycle %(number)s") % {"number": self.number}

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end of a cycle must not come before its start.")})
        if self.start and self.end and self.alliance_id:
            clash = (Cycle.objects.filter(alliance_id=self.alliance_id, start__lte=self.end,
                                          end__gte=self.start).exclude(pk=self.pk).first())
            if clash is not None:
                raise ValidationError(_(
                    "These dates overlap cycle %(number)s (%(start)s to %(end)s): start this "
                    "cycle after %(end)s or shorten the other one.") % {
                        "number": clash.number, "start": shown(clash.start),
                        "end": shown(clash.end)})


class Stage(models.Model):
    """When a cycle is at one of its four steps."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="stages")
    step = models.CharField(_("step"), max_length=10, choices=Step.choices)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))

    objects = InCycleQuerySet["Stage"].as_manager()

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["cycle", "start"]
        constraints = [models.UniqueConstraint(fields=["cycle", "step"], name="stage_once")]

    def __str__(self) -> str:
        return self.get_step_display()

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end of a stage must not come before its start.")})
        cycle = self.cycle if self.cycle_id else None
        if cycle is not None and self.start and self.end and not (
                cycle.start <= self.start and self.end <= cycle.end):
            raise ValidationError(_("A stage must fall within its cycle, %(start)s to %(end)s.")
                                  % {"start": shown(cycle.start), "end": shown(cycle.end)})


class Objective(models.Model):
    """What the alliance sets out to achieve, drawn from one partner's own stated need."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="objectives")
    text = models.TextField(_("objective"))
    need = models.TextField(_("the need it answers, in the partner's words"), blank=True)
    partner = models.ForeignKey(Partner, verbose_name=_("stated by partner"),
                                on_delete=models.PROTECT, related_name="objectives")
    stated_by = models.ForeignKey("people.Person", verbose_name=_("stated by"), null=True,
                                  blank=True, on_delete=models.SET_NULL,
                                  related_name="alliance_objectives")

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["alliance", "pk"]

    def __str__(self) -> str:
        return self.text
