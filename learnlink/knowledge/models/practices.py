"""Practices: what one group did and learned, written so that the next group can make it its own.

A practice is written in one language; a translation is another practice that points to the
original (`translation_of`), one per language, so each can be published when it is checked.
Its parts are Markdown, shown through `knowledge.markdown`, which removes anything active.
"""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The parts of a practice written in Markdown, in the order its page shows them.
BODY_PARTS = ["problem", "done", "results", "lessons", "contacts"]


class PracticeState(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in_review", _("in review")
    PUBLISHED = "published", _("published")


class Publication:
    """What a practice and a story share as publications: one language each, a translation
    pointing to its original, and a state that makes it public once published."""

    state: str
    translation_of: Any

    @property
    def original(self) -> Self:
        return self.translation_of or self

    @property
    def is_public(self) -> bool:
        return self.state == PracticeState.PUBLISHED


class PracticeQuerySet(models.QuerySet["Practice"]):
    def published(self) -> PracticeQuerySet:
        return self.filter(state=PracticeState.PUBLISHED)

    def of_person(self, person_id: int) -> PracticeQuerySet:
        """The practices this person wrote or coached, whatever their state."""
        return self.filter(Q(authors__pk=person_id) | Q(mentor_id=person_id))

    def for_list(self) -> PracticeQuerySet:
        """What a row of the library shows: the place and the tags, in three queries."""
        return (self.select_related("place")
                .prefetch_related("enterprises", "themes").order_by("-published", "-pk"))


class Practice(Publication, models.Model):
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences, plain text."))
    enterprises = models.ManyToManyField("people.Enterprise", verbose_name=_("enterprises"),
                                         blank=True, related_name="practices")
    themes = models.ManyToManyField("mentoring.Theme", verbose_name=_("themes"), blank=True,
                                    related_name="practices")
    place = models.ForeignKey("people.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="practices")
    organisations = models.ManyToManyField("people.Organisation", blank=True,
                                           verbose_name=_("organisations"),
                                           related_name="practices")
    problem = models.TextField(_("the problem"), blank=True)
    done = models.TextField(_("what was done"), blank=True)
    results = models.TextField(_("results, with figures"), blank=True)
    lessons = models.TextField(_("lessons"), blank=True)
    contacts = models.TextField(_("contacts"), blank=True)
    threads = models.ManyToManyField("exchange.Thread", verbose_name=_("source threads"),
                                     blank=True, related_name="practices")
    syntheses = models.ManyToManyField("mentoring.Synthesis", verbose_name=_("syntheses"),
                                       blank=True, related_name="practices")
    writeup = models.ForeignKey("mentoring.WriteUp", verbose_name=_("from the write-up"),
                                null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="practices")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    translation_of = models.ForeignKey("self", verbose_name=_("translation of"), null=True,
                                       blank=True, on_delete=models.CASCADE,
                                       related_name="translations")
    state = models.CharField(_("state"), max_length=10, choices=PracticeState.choices,
                             default=PracticeState.DRAFT, db_index=True)
    authors = models.ManyToManyField("people.Person", verbose_name=_("authors"), blank=True,
                                     related_name="practices")
    mentor = models.ForeignKey("people.Person", verbose_name=_("coaching mentor"), null=True,
                               blank=True, on_delete=models.SET_NULL,
                               related_name="coached_practices")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    published = models.DateTimeField(_("published"), null=True, blank=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        constraints = [models.UniqueConstraint(
            fields=["translation_of", "language"], name="practice_one_translation_per_language",
            violation_error_message=_("This practice already has a translation in that "
                                      "language: edit that one."))]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:practice", args=[self.pk])
