"""A mentor's synthesis of one thread or several: what has been learned, where the group stands,
the next questions. Every save is a version, so nothing a mentor wrote is lost and the history
shows who changed what; a translation is a version in another language, written or checked by
a mentor against one version of the original (`translates`), so that readers are never shown a
translation of an older text than the original they would otherwise read."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models import Group, Thread


class Scope(models.TextChoices):
    THREAD = "thread", _("one thread")
    TOPIC = "topic", _("a topic: threads a mentor chose")
    MONTH = "month", _("a month of the group")


class SynthesisQuerySet(models.QuerySet["Synthesis"]):
    def published(self) -> SynthesisQuerySet:
        return self.filter(published__isnull=False)

    def shown_on(self, thread: Thread) -> SynthesisQuerySet:
        """The published syntheses that cover `thread`, the newest first (its page shows it)."""
        return self.published().filter(threads=thread).order_by("-published", "-pk")

    def of_thread(self, thread: Thread) -> SynthesisQuerySet:
        """The syntheses of this thread alone, the newest first (the API publishes into it)."""
        return self.filter(scope=Scope.THREAD, threads=thread).order_by("-created", "-pk")

    def with_latest(self) -> SynthesisQuerySet:
        """Each with the latest version of each language (`versions.all()` gives just those)
        and its group: what showing it to a reader needs, in two queries for any number."""
        return self.select_related("group").prefetch_related(
            Prefetch("versions", queryset=Version.objects.latest_each()))

    def for_list(self, groups: QuerySet[Group]) -> SynthesisQuerySet:
        """The mentor's list: the syntheses of their groups, the latest first, with each group."""
        return (self.filter(group__in=groups).select_related("group")
                .order_by("-created", "-pk"))


class Synthesis(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="syntheses")
    threads = models.ManyToManyField(Thread, related_name="syntheses")
    scope = models.CharField(_("covers"), max_length=10, choices=Scope.choices,
                             default=Scope.THREAD)
    month = models.DateField(_("month"), null=True, blank=True,
                             help_text="For a month's synthesis: the month's first day")
    title = models.CharField(_("title"), max_length=300,
                             help_text="The original's title, as its latest version gives it")
    language = models.CharField(_("language of the original"), max_length=10,
                                choices=settings.LANGUAGES)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(_("created"), auto_now_add=True)
    published = models.DateTimeField(
        _("published"), null=True, blank=True, db_index=True,
        help_text=_("Until it is published only the group's mentors see it."))
    sent_as = models.ForeignKey(
        "exchange.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The group's message it was sent as, archived under the discussion")
    topic = models.ForeignKey(
        "mentoring.Topic", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="syntheses", verbose_name=_("agenda topic"),
        help_text=_("The topic of the group's agenda this synthesis is about"))

    objects = SynthesisQuerySet.as_manager()

    class Meta:
        verbose_name = _("synthesis")
        verbose_name_plural = _("syntheses")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("mentoring:synthesis", args=[self.pk])


class VersionQuerySet(models.QuerySet["Version"]):
    def history(self) -> VersionQuerySet:
        return self.select_related("author").order_by("-number")

    def latest_each(self) -> VersionQuerySet:
        """The latest version in each language (three rows at most a synthesis, in one query
        however many times it was saved)."""
        newest = (Version.objects.filter(synthesis=OuterRef("synthesis"),
                                         language=OuterRef("language"))
                  .order_by("-number").values("number")[:1])
        return self.filter(number=Subquery(newest))


class Version(models.Model):
    """One save of a synthesis in one language. `learned` and `next_questions` are lists of
    {"text": ..., "message_id": ...}, the Message-ID of the mail each point comes from ("" for
    a point the mentor wrote without a source)."""

    synthesis = models.ForeignKey(Synthesis, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    learned = models.JSONField(_("what has been learned"), default=list)
    standing = models.TextField(_("where we stand"), blank=True)
    next_questions = models.JSONField(_("next questions"), default=list)
    translates = models.PositiveIntegerField(
        _("translation of version"), null=True, blank=True,
        help_text=_("The version of the original this translation was written or checked "
                    "against"))
    drafted_by = models.CharField(
        max_length=20, blank=True,
        help_text="For a first version: which drafter wrote the draft the mentor started from")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(_("saved"), auto_now_add=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("version of a synthesis")
        verbose_name_plural = _("versions of syntheses")
        ordering = ["synthesis", "number"]
        constraints = [models.UniqueConstraint(fields=["synthesis", "number"],
                                               name="synthesis_version_unique_number")]
        indexes = [models.Index(fields=["synthesis", "language", "-number"],
                                name="synthesis_version_latest")]

    def __str__(self) -> str:
        return f"{self.synthesis} v{self.number} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse("mentoring:synthesis_version", args=[self.synthesis_id, self.number])

    @property
    def is_translation(self) -> bool:
        return self.translates is not None

    def content(self) -> dict[str, Any]:
        """The three parts, as the API gives them."""
        return {"learned": self.learned, "standing": self.standing,
                "next_questions": self.next_questions}


def unsynthesised(threads: QuerySet[Thread]) -> QuerySet[Thread]:
    """Threads no published synthesis covers yet (one NOT EXISTS, whatever the archive's size)."""
    covered = Synthesis.threads.through.objects.filter(
        thread_id=OuterRef("pk"), synthesis__published__isnull=False)
    return threads.filter(~Exists(covered))
