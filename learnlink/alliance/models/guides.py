"""Best-practice guides: a library shared by all alliances, each guide an ordered sequence of
steps that learning spaces cover and action plans put into practice."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Guide(models.Model):
    title = models.CharField(_("title"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True,
                              help_text=_("Who wrote it and when, e.g. CIAT, 2004."))

    class Meta:
        verbose_name = _("best-practice guide")
        verbose_name_plural = _("best-practice guides")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class GuideStep(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("guide step")
        verbose_name_plural = _("guide steps")
        ordering = ["guide", "number"]
        constraints = [models.UniqueConstraint(fields=["guide", "number"],
                                               name="guide_step_number_once")]

    def __str__(self) -> str:
        return f"{self.guide}: {self.number}. {self.title}"
