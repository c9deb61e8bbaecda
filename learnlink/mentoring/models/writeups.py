"""Write-ups: a learner's experience, written with a mentor, checked and approved by the learner.

A mentor starts one from a thread (the learner's own messages quoted in) or from an interview
guide; it goes to the learner by email and comes back as comments; the learner approves it and
says whether it may be published. Every version of the text is kept, and every change of state
is logged with who made it and how (web or email), because an approval is a promise made on
someone's behalf: the log is what shows it was theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from learnlink.exchange.models import Group


class WriteUpState(models.TextChoices):
    DRAFT = "draft", _("draft")
    WITH_LEARNER = "with_learner", _("with the learner")
    IN_REVIEW = "in_review", _("in review")
    APPROVED = "approved", _("approved")


class Origin(models.TextChoices):
    THREAD = "thread", _("from a thread")
    GUIDE = "guide", _("from the interview guide")


class Via(models.TextChoices):
    WEB = "web", _("on the web")
    EMAIL = "email", _("by email")


class WriteUpQuerySet(models.QuerySet["WriteUp"]):
    def published(self) -> WriteUpQuerySet:
        """Approved, and the learner agreed to publish: what a guest may read."""
        return self.filter(state=WriteUpState.APPROVED, publish=True)

    def with_names(self) -> WriteUpQuerySet:
        """What a list row shows: the learner, their organisation, the group."""
        return self.select_related("learner", "organisation", "group")

    def for_mentors(self, groups: models.QuerySet[Group]) -> WriteUpQuerySet:
        """The mentors' list: the write-ups of the groups they follow, the latest first."""
        return self.filter(group__in=groups).with_names().order_by("-updated", "-pk")

    def waiting_for_mentor(self, groups: models.QuerySet[Group]) -> WriteUpQuerySet:
        """The dashboard's row: the learner answered (which puts a write-up in review) and
        a mentor has yet to read it, the longest waiting first."""
        return (self.filter(group__in=groups, state=WriteUpState.IN_REVIEW).with_names()
                .order_by("updated", "pk"))

    def of_learner(self, person_id: int | None) -> WriteUpQuerySet:
        return self.filter(learner_id=person_id).with_names().order_by("-updated", "-pk")

    def visible_on_thread(self, thread_id: int, person_id: int | None,
                          mentor: bool) -> WriteUpQuerySet:
        """The write-ups drawn from a thread that its reader may open: all of them for its
        group's mentors, else the published ones and the reader's own."""
        found = self.filter(thread_id=thread_id).order_by("-updated", "-pk")
        if not mentor:
            readable = Q(state=WriteUpState.APPROVED, publish=True)
            if person_id:
                readable |= Q(learner_id=person_id)
            found = found.filter(readable)
        return found.select_related("learner")


class WriteUp(models.Model):
    group = models.ForeignKey("exchange.Group", verbose_name=_("group"),
                              on_delete=models.PROTECT, related_name="writeups")
    thread = models.ForeignKey("exchange.Thread", verbose_name=_("thread"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="writeups")
    origin = models.CharField(_("started"), max_length=10, choices=Origin.choices)
    learner = models.ForeignKey("people.Person", verbose_name=_("learner"),
                                on_delete=models.PROTECT, related_name="writeups")
    organisation = models.ForeignKey("people.Organisation", verbose_name=_("organisation"),
                                     null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="writeups")
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("mentor"), null=True,
                               on_delete=models.SET_NULL, related_name="writeups")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text="The current version's text")
    state = models.CharField(_("state"), max_length=15, choices=WriteUpState.choices,
                             default=WriteUpState.DRAFT, db_index=True)
    publish = models.BooleanField(_("may be published"), null=True,
                                  help_text="The learner's answer; None until they give it")
    sent = models.DateTimeField(_("last sent to the learner"), null=True, blank=True)
    approved = models.DateTimeField(_("approved"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True, db_index=True)

    objects = WriteUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("write-up")
        verbose_name_plural = _("write-ups")
        indexes = [models.Index(fields=["group", "state"], name="writeup_group_state")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("mentoring:writeups:detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.state == WriteUpState.APPROVED and self.publish is True


class WriteUpVersion(models.Model):
    """The text as it was after one save; the first is the one the mentor started from."""

    writeup = models.ForeignKey(WriteUp, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("write-up version")
        verbose_name_plural = _("write-up versions")
        ordering = ["writeup", "number"]
        constraints = [models.UniqueConstraint(fields=["writeup", "number"],
                                               name="writeup_version_unique")]

    def __str__(self) -> str:
        return f"{self.writeup} v{self.number}"


class WriteUpComment(models.Model):
    """What the learner or a mentor said about the draft: a reply by email (its new text,
    quotes and signature cut) or a note on the web."""

    writeup = models.ForeignKey(WriteUp, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey("people.Person", null=True, on_delete=models.SET_NULL,
                               related_name="+")
    author_name = models.CharField(_("author"), max_length=200)
    text = models.TextField(_("text"))
    via = models.CharField(_("how"), max_length=5, choices=Via.choices)
    inbound = models.ForeignKey("mail.InboundMessage", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("write-up comment")
        verbose_name_plural = _("write-up comments")
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"{self.author_name} on {self.writeup}"


class WriteUpAction(models.TextChoices):
    STARTED = "started", _("started it")
    SENT = "sent", _("sent it to the learner")
    REPLIED = "replied", _("replied")
    APPROVED = "approved", _("approved it")
    REOPENED = "reopened", _("changed the approved text")
    PUBLISH = "publish", _("agreed to its publication")
    NO_PUBLISH = "no_publish", _("did not agree to its publication")


class WriteUpEvent(models.Model):
    """One change of state or of the learner's consent: who, when, how, from what to what."""

    writeup = models.ForeignKey(WriteUp, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("what"), max_length=12, choices=WriteUpAction.choices)
    before = models.CharField(_("state before"), max_length=15, choices=WriteUpState.choices,
                              blank=True)
    after = models.CharField(_("state after"), max_length=15, choices=WriteUpState.choices)
    by = models.ForeignKey("people.Person", null=True, on_delete=models.SET_NULL,
                           related_name="+")
    by_name = models.CharField(_("who"), max_length=200)
    via = models.CharField(_("how"), max_length=5, choices=Via.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("write-up event")
        verbose_name_plural = _("write-up events")
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"{self.writeup}: {self.action}"
