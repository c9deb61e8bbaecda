"""Threads and messages. A placeholder stands for a message we never received but others
reply to, so that their replies still share one thread; it is filled if the message arrives."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.file_kinds import LABELS, kind_of, of_kind

if TYPE_CHECKING:
    from learnlink.exchange.models.groups import Group


class ThreadQuerySet(models.QuerySet["Thread"]):
    def latest_first(self) -> ThreadQuerySet:
        return self.order_by("-last_activity", "-pk")

    def latest_in(self, group: Group, month: datetime.date | None = None) -> ThreadQuerySet:
        """A group's threads (of one month, if given), as its page and the API list them."""
        threads = self.filter(group=group).latest_first()
        return threads.filter(month=month) if month else threads

    def latest_discussions(self, groups: models.QuerySet[Group]) -> ThreadQuerySet:
        """The home page's latest discussions in `groups`, each with its group for the link.

        The groups as EXISTS, not IN: with `group_id IN (...)` SQLite read every thread of
        the groups through the group index and sorted them all (21 ms for the 19,485 threads of
        bench/public_pages.py); with EXISTS it walks the threads newest first along the
        last-activity index and stops at the slice's end (2 ms)."""
        return (self.filter(Exists(groups.filter(pk=OuterRef("group_id"))))
                .select_related("group").latest_first())


class Thread(models.Model):
    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE, related_name="threads")
    subject = models.CharField(_("subject"), max_length=500)
    started = models.DateTimeField(_("started"), db_index=True)
    month = models.DateField(_("month"), help_text="The first day of the month (local time) "
                             "the thread started in, for the month archive")
    last_activity = models.DateTimeField(_("last activity"), db_index=True)
    message_count = models.PositiveIntegerField(_("messages"), default=0)
    named_by_hand = models.BooleanField(
        default=False, editable=False,
        help_text="A mentor renamed it: threading keeps that name instead of its first "
                  "message's subject")

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [models.Index(fields=["group", "-last_activity"], name="thread_group_activity"),
                   models.Index(fields=["group", "month"], name="thread_group_month")]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("exchange:thread", args=[self.group.slug, self.pk])

    @staticmethod
    def month_of(moment: datetime.datetime) -> datetime.date:
        return timezone.localtime(moment).date().replace(day=1)


class Message(models.Model):
    """One message of a group's archive, or a placeholder for one that never arrived."""

    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE, related_name="messages")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="replies")
    message_id = models.CharField(_("Message-ID"), max_length=500)
    is_placeholder = models.BooleanField(default=False)
    inbound = models.ForeignKey("mail.InboundMessage", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="messages")
    sender = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="messages")
    sender_name = models.CharField(_("sender name"), max_length=300, blank=True)
    sender_address = models.CharField(_("sender address"), max_length=320, blank=True)
    date = models.DateTimeField(_("date"), null=True, db_index=True)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    text = models.TextField(_("new text"), blank=True)
    quoted = models.TextField(_("quoted text"), blank=True)
    signature = models.TextField(_("signature"), blank=True)
    html = models.TextField(blank=True, help_text="The text as the thread page shows it, "
                            "reflowed and escaped when the message is archived (the same for "
                            "every reader)")
    references = models.TextField(blank=True, help_text="Message-IDs this one refers to, "
                                  "oldest first, one per line")
    suggested_thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="suggestions",
        help_text="A 'Re:' without references: the thread of the same subject it may belong to")
    corrected = models.DateTimeField(
        _("corrected"), null=True, blank=True, editable=False,
        help_text=_("When its text was last corrected by hand; parsing the archive again "
                    "keeps the correction."))
    placed_by_hand = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When a mentor last moved it, split its thread at it or decided on its "
                  "suggested thread: threading (new mail, reparse, re-import) leaves its place "
                  "and its suggestion as the mentor left them")
    removed = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When a mentor removed it from the archive: its raw mail and text are kept "
                  "and its mentors still read it; everyone else reads the reason in its place")
    removed_reason = models.CharField(_("reason for removal"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["date", "pk"]
        constraints = [models.UniqueConstraint(fields=["group", "message_id"],
                                               name="message_unique_in_group")]
        indexes = [models.Index(fields=["thread", "date"], name="message_thread_date"),
                   # The group page reads a group's few probable replies: without this, it
                   # walked every message of the group (130-200 ms on a 100,000-message group).
                   models.Index(fields=["group"], condition=Q(suggested_thread__isnull=False),
                                name="message_group_suggested"),
                   # How many messages each person wrote in each group, read from the index
                   # alone: the peer finder weighs how much each candidate writes. Counting
                   # from the table read every message's text (seconds on 100,000).
                   models.Index(fields=["sender", "group"], name="message_sender_group",
                                condition=Q(sender__isnull=False, is_placeholder=False)),
                   # Who wrote in a group between two dates, read from the index alone: the
                   # contract monitor counts each writer's month and finds when each last
                   # wrote. From the table, SQLite read 100,000 wide rows (1.2 s cold).
                   models.Index(fields=["group", "date", "sender"],
                                name="message_group_date_sender",
                                condition=Q(sender__isnull=False, is_placeholder=False)),
                   # A group's files by date, from the index alone: the page of files walks
                   # the group's messages newest first and looks each up among the
                   # attachments (AttachmentQuerySet.for_files_page).
                   models.Index(fields=["group", "date", "is_placeholder", "removed"],
                                name="message_group_files")]

    def __str__(self) -> str:
        return self.subject or self.message_id

    def get_absolute_url(self) -> str:
        """Its permalink, which leads to the page of its thread that shows it: which page that
        is changes as replies come, so the link is to the message, not to the page."""
        return reverse("exchange:message", args=[self.group.slug, self.pk])

    @property
    def is_removed(self) -> bool:
        return self.removed is not None

    def author_name(self) -> str:
        """The name readers see: the one in the mail, else the directory's name for its author
        (load `sender` with the message). Never an address, not even one given as the display
        name: a guest could collect addresses, or test whether an address ever posted."""
        if self.sender_name and "@" not in self.sender_name:
            return self.sender_name
        return self.sender.name if self.sender is not None else ""

    def sender_label(self, group_name: str = "") -> str:
        """Who wrote it, for every reader through every interface (page, API, search, mail):
        the author's name, or "a member of <group>" when nobody knows it."""
        return self.author_name() or gettext("a member of %(group)s") % {
            "group": group_name or self.group.name}


class AttachmentQuerySet(models.QuerySet["Attachment"]):
    def for_files_page(self, group: Group, *, kind: str = "", month: datetime.date | None = None,
                       with_removed: bool = False) -> AttachmentQuerySet:
        """A group's files, newest first, as its page of files and the API count and page
        them; a removed message's files only for its mentors (`with_removed`), as the download
        itself decides. Nothing is joined but the message the filters need, so that counting
        and paging read the message_group_files index alone; the rows shown come from `shown`
        (joined in one query, SQLite read every message's row of the group first)."""
        files = self.filter(message__group=group, message__is_placeholder=False)
        if not with_removed:
            files = files.filter(message__removed__isnull=True)
        if kind:
            files = files.filter(of_kind(kind))
        if month is not None:
            start = timezone.make_aware(datetime.datetime.combine(month, datetime.time()))
            following = (month + datetime.timedelta(days=32)).replace(day=1)
            end = timezone.make_aware(datetime.datetime.combine(following, datetime.time()))
            files = files.filter(message__date__gte=start, message__date__lt=end)
        return files.order_by("-message__date", "-pk")

    def shown(self, pks: list[int]) -> list[Attachment]:
        """The files of one page (`pks`, in their order) with the message, thread and sender
        a reader sees beside each."""
        found = (self.select_related("message__thread", "message__sender")
                 .only("filename", "content_type", "size", "message__date",
                       "message__sender_name", "message__thread__subject",
                       "message__sender__name").in_bulk(pks))
        return [found[pk] for pk in pks if pk in found]


class Attachment(models.Model):
    """A file that came with a message, stored once however often it is sent (by its sha256)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64, db_index=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename

    @property
    def kind(self) -> str:
        return kind_of(self.content_type)

    @property
    def kind_label(self) -> str:
        return str(LABELS[self.kind])

    @property
    def get_id(self) -> str:
        """What to ask get@ for, to receive the file by mail (exchange.by_email)."""
        return f"A{self.pk}"

    @property
    def storage_name(self) -> str:
        return file_storage_name(self.sha256)


def file_storage_name(sha256: str) -> str:
    """Where a file's bytes are kept in the default storage: under their SHA-256, so that the
    same file is stored once, however often it is sent or uploaded (the mentors' library of
    resources keeps its documents here too)."""
    return f"attachments/{sha256[:2]}/{sha256}"
