"""The log of mentors' clean-up of threads: who did what to which messages and threads, when,
with the state before and after, so that each action can be read back and undone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    MOVE = "move", _("moved a message")
    SPLIT = "split", _("split the thread")
    MERGE = "merge", _("merged two threads")
    RENAME = "rename", _("renamed the thread")
    ACCEPT = "accept", _("accepted a threading suggestion")
    DISMISS = "dismiss", _("dismissed a threading suggestion")
    REMOVE = "remove", _("removed a message from the archive")


class CleanupQuerySet(models.QuerySet["CleanupEntry"]):
    def of_thread(self, thread_pk: int) -> CleanupQuerySet:
        """A thread's log, oldest first: every action that changed the thread or moved
        messages into or out of it (a thread merged away keeps its log under its number)."""
        return (self.filter(touches__kind=Touch.THREAD, touches__object_id=thread_pk)
                .select_related("by__person", "undone_by__person").order_by("at", "pk"))

    def later_touching(self, entry: CleanupEntry) -> CleanupQuerySet:
        """Actions after `entry`, not undone, that changed any of its messages or threads."""
        touched = models.Q()
        for kind, ids in entry.touched().items():
            touched |= models.Q(touches__kind=kind, touches__object_id__in=ids)
        return (self.filter(touched, pk__gt=entry.pk, undone__isnull=True)
                .select_related("by__person").order_by("pk").distinct())


class CleanupEntry(models.Model):
    """One action of a mentor on the threads of a group. `before` and `after` hold the rows it
    changed ({"threads": [...], "messages": [...]}, see cleanup.state): undoing it writes
    `before` back."""

    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE,
                              related_name="cleanup_entries")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(_("when"), default=timezone.now)
    before = models.JSONField()
    after = models.JSONField()
    undone = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    objects = CleanupQuerySet.as_manager()

    class Meta:
        verbose_name = _("thread clean-up")
        verbose_name_plural = _("thread clean-ups")

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d})"

    def touched(self) -> dict[str, set[int]]:
        """The ids of the threads and messages it changed, by kind (Touch.THREAD, MESSAGE)."""
        ids: dict[str, set[int]] = {Touch.THREAD: set(), Touch.MESSAGE: set()}
        for state in (self.before, self.after):
            ids[Touch.THREAD].update(row["id"] for row in state["threads"])
            ids[Touch.MESSAGE].update(row["id"] for row in state["messages"])
        return ids


class Touch(models.Model):
    """A thread or message an entry changed, to find a thread's log and the later actions that
    depend on an entry with an index instead of reading every entry's JSON. Ids, not foreign
    keys: a thread merged away, or a placeholder pruned, is gone but its log stays."""

    THREAD, MESSAGE = "t", "m"

    entry = models.ForeignKey(CleanupEntry, on_delete=models.CASCADE, related_name="touches")
    kind = models.CharField(max_length=1, choices=[(THREAD, "thread"), (MESSAGE, "message")])
    object_id = models.PositiveBigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["kind", "object_id"], name="cleanup_touch_object")]

    def __str__(self) -> str:
        return f"{self.kind}{self.object_id}"


class SplitSuggestion(models.Model):
    """A message that says "New topic (was: Old topic)" inside a thread that goes on about
    something else: the thread may be split there. Accepting splits it; dismissing leaves the
    message where it is. (A thread suggested for a message is the exchange's own
    Message.suggested_thread.)"""

    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE, related_name="+")
    message = models.OneToOneField("exchange.Message", on_delete=models.CASCADE,
                                   related_name="split_suggestion")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("suggested split")
        verbose_name_plural = _("suggested splits")
        indexes = [models.Index(fields=["group", "-created"], name="cleanup_split_group")]

    def __str__(self) -> str:
        return str(self.message)
