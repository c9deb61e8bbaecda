"""Reflection at the end of a cycle: each partner's answers to three questions, and the synthesis
a coordinator or mentor writes across partners. Once the synthesis is published the answers it
was drawn from no longer change."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models.alliances import Partner
from learnlink.alliance.models.cycles import Cycle, InCycleQuerySet

QUESTIONS = [
    ("worked", _("What worked well?")),
    ("did_not_work", _("What did not work?")),
    ("will_change", _("What will you change in the next cycle?")),
]


class Reflection(models.Model):
    """One partner's answers for one cycle."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE,
                              related_name="reflections")
    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.CASCADE,
                                related_name="reflections")
    worked = models.TextField(_("what worked well"), blank=True)
    did_not_work = models.TextField(_("what did not work"), blank=True)
    will_change = models.TextField(_("what we will change"), blank=True)
    author = models.ForeignKey("people.Person", verbose_name=_("last written by"), null=True,
                               blank=True, on_delete=models.SET_NULL,
                               related_name="alliance_reflections")
    updated = models.DateTimeField(auto_now=True)

    objects = InCycleQuerySet["Reflection"].as_manager()

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        ordering = ["cycle", "partner__organisation__name"]
        constraints = [models.UniqueConstraint(fields=["cycle", "partner"],
                                               name="reflection_once_per_partner_and_cycle")]

    def __str__(self) -> str:
        return f"{self.partner}, {self.cycle}"

    def clean(self) -> None:
        if self.cycle_id and self.partner_id and self.cycle.alliance_id != self.partner.alliance_id:
            raise ValidationError({"partner": _("This partner is in another alliance.")})
        if self.cycle_id and Synthesis.objects.filter(cycle_id=self.cycle_id,
                                                      published__isnull=False).exists():
            raise ValidationError(_("The synthesis of this cycle is published: its answers "
                                    "can no longer change."))


class Synthesis(models.Model):
    """What the partners said, across partners, for one cycle; a draft until published."""

    cycle = models.OneToOneField(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE,
                                 related_name="synthesis")
    worked = models.TextField(_("what worked well"), blank=True)
    did_not_work = models.TextField(_("what did not work"), blank=True)
    will_change = models.TextField(_("what partners will change"), blank=True)
    themes = models.TextField(_("recurring themes"), blank=True,
                              help_text=_("One theme a line."))
    author = models.ForeignKey("people.Person", verbose_name=_("written by"), null=True,
                               blank=True, on_delete=models.SET_NULL,
                               related_name="alliance_syntheses")
    published = models.DateTimeField(_("published"), null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    objects = InCycleQuerySet["Synthesis"].as_manager()

    class Meta:
        verbose_name = _("synthesis")
        verbose_name_plural = _("syntheses")
        ordering = ["cycle"]

    def __str__(self) -> str:
        return str(self.cycle)

    def theme_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.themes.splitlines() if line.strip(" -•\t")]
