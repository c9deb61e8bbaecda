"""Documents attached to a best-practice guide (or to one of its steps): handouts, forms,
checklists. Stored through Django's storage and always served as downloads."""

from __future__ import annotations

from pathlib import PurePath

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models.guides import Guide, GuideStep


class GuideDocument(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="documents")
    step = models.ForeignKey(GuideStep, verbose_name=_("step"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="documents",
                             help_text=_("Leave empty for a document about the whole guide."))
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="guides/%Y/", max_length=300)
    language = models.CharField(_("language"), max_length=10, blank=True,
                                help_text=_("The language code of the document, e.g. en, sw, fr."))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("guide document")
        verbose_name_plural = _("guide documents")
        ordering = ["guide", "step__number", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("alliance:guide_document", args=[self.guide.slug, self.pk, self.filename])

    @property
    def filename(self) -> str:
        return PurePath(self.file.name or "").name
