"""The library of outside expertise: documents, links, guides and contacts of experts who are not
members, each tagged by enterprise and theme; the resources a mentor attached to a thread; and
the words each resource is found by (a small index of its own, so that suggesting resources for a
thread reads a few rows per word, however large the archive and the library grow)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models.messages import file_storage_name
from learnlink.mentoring.models.themes import Theme
from learnlink.people.models import Enterprise


class ResourceKind(models.TextChoices):
    DOCUMENT = "document", _("document")
    LINK = "link", _("link")
    GUIDE = "guide", _("guide")
    CONTACT = "contact", _("expert contact")


class ResourceQuerySet(models.QuerySet["Resource"]):
    def with_tags(self) -> ResourceQuerySet:
        """With their enterprises and themes, read in two queries for a whole page."""
        return self.prefetch_related(
            Prefetch("enterprises", queryset=Enterprise.objects.order_by("name")),
            Prefetch("themes", queryset=Theme.objects.order_by("name")))

    def for_library(self) -> ResourceQuerySet:
        """The library's list: newest first, as mentors keep adding to it."""
        return self.with_tags().order_by("-updated", "-pk")


class Resource(models.Model):
    """One resource. Which fields it uses depends on its kind: a document its file, a link its
    address, a guide its text (the description), an expert contact the expert's organisation,
    email and phone (personal data: `permissions.sees_expert_contacts` decides who reads them)
    with their expertise in the description."""

    kind = models.CharField(_("kind"), max_length=10, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("address on the web"), max_length=500, blank=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("type"), max_length=255, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    enterprises = models.ManyToManyField(Enterprise, verbose_name=_("enterprises"), blank=True,
                                         related_name="resources")
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True,
                                    related_name="resources")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(_("added"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("mentoring:resource", args=[self.pk])

    def file_url(self) -> str:
        return reverse("mentoring:resource_file", args=[self.pk, self.filename])

    @property
    def storage_name(self) -> str:
        return file_storage_name(self.sha256)

    @property
    def has_contact_details(self) -> bool:
        return bool(self.email or self.phone)


class ResourceWord(models.Model):
    """A word a resource is found by, folded and stemmed as `matching.words` makes it; `weight`
    says where it stands (its title and tags weigh more than its description)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="words")
    word = models.CharField(max_length=64)
    weight = models.PositiveSmallIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["resource", "word"],
                                               name="resource_word_unique")]
        indexes = [models.Index(fields=["word"], name="resource_word_word")]

    def __str__(self) -> str:
        return self.word


class LibraryWord(models.Model):
    """How many resources a word is found in, kept as resources are indexed: it tells a telling
    word from one the whole library uses, read by key for a thread's few words rather than
    counted from the index on every page."""

    word = models.CharField(max_length=64, primary_key=True)
    resources = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.word


class ThreadResourceQuerySet(models.QuerySet["ThreadResource"]):
    def of_thread(self, thread_id: int) -> ThreadResourceQuerySet:
        """What a thread's page lists under "Resources for this discussion", in the order
        mentors attached them."""
        return self.filter(thread_id=thread_id).select_related("resource").order_by("attached")


class ThreadResource(models.Model):
    """A resource a mentor attached to a thread: "resources for this discussion"."""

    thread = models.ForeignKey("exchange.Thread", on_delete=models.CASCADE,
                               related_name="attached_resources")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="threads")
    attached_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    attached = models.DateTimeField(_("attached"), auto_now_add=True)

    objects = ThreadResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource of a thread")
        verbose_name_plural = _("resources of threads")
        constraints = [models.UniqueConstraint(fields=["thread", "resource"],
                                               name="thread_resource_unique")]

    def __str__(self) -> str:
        return f"{self.resource_id} on {self.thread_id}"
