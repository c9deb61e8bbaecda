"""Stories, news and interviews: short pieces a mentor writes about the network's organisations.

Like a practice, a piece is written in one language and a translation points to its original.
Its one photo is kept in the database, already made small (see `knowledge.photos`), because the
site runs on several web nodes that share the database and nothing else: no node's disk holds a
file the others lack. The photo's digest names its version, for the ETag and the cache.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learnlink.knowledge.models.practices import PracticeState, Publication

PHOTO_BYTES = 30 * 1024


class StoryKind(models.TextChoices):
    STORY = "story", _("story")
    NEWS = "news", _("news")
    INTERVIEW = "interview", _("interview")


class StoryQuerySet(models.QuerySet["Story"]):
    def published(self) -> StoryQuerySet:
        return self.filter(state=PracticeState.PUBLISHED)

    def for_list(self) -> StoryQuerySet:
        """What a row shows: the author's name, never the photo's bytes; the latest first."""
        return (self.defer("photo").select_related("author")
                .order_by("-date", "-published", "-pk"))

    def latest_public(self, limit: int = 3) -> list[Story]:
        """The latest published pieces of every kind, for the home page."""
        return list(self.published().for_list()[:limit])


class Story(Publication, models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=StoryKind.choices,
                            default=StoryKind.STORY, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"), default=datetime.date.today)
    author = models.ForeignKey("people.Person", verbose_name=_("author"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="stories")
    byline = models.CharField(_("byline"), max_length=200, blank=True, help_text=_(
        "For a writer from outside the directory: their name and where they write from."))
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences, plain text."))
    body = models.TextField(_("text"), blank=True)
    organisations = models.ManyToManyField("people.Organisation", blank=True,
                                           verbose_name=_("organisations it is about"),
                                           related_name="stories")
    practices = models.ManyToManyField("knowledge.Practice", blank=True,
                                       verbose_name=_("related practices"),
                                       related_name="stories")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    translation_of = models.ForeignKey("self", verbose_name=_("translation of"), null=True,
                                       blank=True, on_delete=models.CASCADE,
                                       related_name="translations")
    state = models.CharField(_("state"), max_length=10, choices=PracticeState.choices,
                             default=PracticeState.DRAFT, db_index=True)
    photo = models.BinaryField(null=True, blank=True, editable=False)
    photo_digest = models.CharField(max_length=64, blank=True, editable=False)
    photo_alt = models.CharField(_("what the photo shows"), max_length=300, blank=True,
                                 help_text=_("For readers who cannot see it; required with a "
                                             "photo."))
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    published = models.DateTimeField(_("published"), null=True, blank=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories, news and interviews")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_of", "language"], name="story_one_translation_per_language",
                violation_error_message=_("This piece already has a translation in that "
                                          "language: edit that one.")),
            # `photos` makes every photo this small; the database refuses one that was not.
            models.CheckConstraint(
                condition=Q(photo__isnull=True) | Q(LessThanOrEqual(Length("photo"), PHOTO_BYTES)),
                name="story_photo_at_most_30_kb"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:story", args=[self.pk])

    @property
    def writer(self) -> str:
        """The name shown under the title: the byline when there is one, else the author."""
        return self.byline or (self.author.name if self.author else "")

    @property
    def has_photo(self) -> bool:
        return bool(self.photo_digest)


class Question(models.Model):
    """One question of an interview and its answer, in the order they were asked."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self) -> str:
        return self.question[:60]
