"""Themes: what a resource (and later a practice or a story) is about, across enterprises.

A small list the network keeps in the admin, seeded with the themes the network's exchanges keep
coming back to. Mentoring owns it because the library of resources needs it first; the knowledge
app, which may import mentoring, tags its records with the same themes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from learnlink.people.models.places import local_name


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True,
                            help_text=_("In English; shown where no name in the reader's "
                                        "language is given."))
    name_sw = models.CharField(_("name in Kiswahili"), max_length=120, blank=True)
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        return local_name(self.name, self.name_sw, self.name_fr)
