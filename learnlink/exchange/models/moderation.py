"""Messages that wait for a moderator: from non-members, or in a moderated group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from learnlink.exchange.models.groups import Group


class HeldStatus(models.TextChoices):
    WAITING = "waiting", _("waiting")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class HeldQuerySet(models.QuerySet["HeldMessage"]):
    def waiting_in(self, group: Group) -> HeldQuerySet:
        """The moderation queue: what waits in `group`, oldest first, with its raw mail."""
        return self.filter(group=group, status=HeldStatus.WAITING).select_related("inbound")


class HeldMessage(models.Model):
    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE, related_name="held")
    inbound = models.OneToOneField("mail.InboundMessage", on_delete=models.CASCADE,
                                   related_name="held")
    sender_address = models.CharField(_("sender"), max_length=320)
    sender_name = models.CharField(_("sender name"), max_length=300, blank=True)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=HeldStatus.choices,
                              default=HeldStatus.WAITING, db_index=True)
    decided_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL)
    # A mentor known only by their address decides by mail, without an account.
    decided_by_person = models.ForeignKey("people.Person", verbose_name=_("decided by"),
                                          null=True, blank=True, on_delete=models.SET_NULL,
                                          related_name="+")
    decided = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    notified = models.DateTimeField(null=True, blank=True,
                                    help_text="When the sender was told the message waits")

    objects = HeldQuerySet.as_manager()

    class Meta:
        verbose_name = _("held message")
        verbose_name_plural = _("held messages")
        ordering = ["created"]

    def __str__(self) -> str:
        return f"{self.sender_address}: {self.subject}"

    @property
    def decider(self) -> str:
        """Who decided, by name, for whoever asks to decide again."""
        if self.decided_by_person is not None:
            return self.decided_by_person.name
        user = self.decided_by
        return (user.get_full_name() or user.get_username()) if user is not None else ""
