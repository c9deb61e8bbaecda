"""The durable inbox: every message as the bytes that arrived, stored before we say 250.

A row is never changed after it is written except for its processing state. Everything else
(text, thread, quotes) is derived from `raw` and can be derived again (`learnlink reparse`).
"""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    LMTP = "lmtp", "LMTP"
    SMTP = "smtp", "SMTP"
    PIPE = "pipe", _("pipe")
    IMAP = "imap", "IMAP"
    MBOX = "mbox", _("mbox import")
    WEB = "web", _("web")


class State(models.TextChoices):
    PENDING = "pending", _("waiting to be processed")
    DONE = "done", _("processed")
    QUARANTINED = "quarantined", _("quarantined")
    REJECTED = "rejected", _("rejected")


class InboundQuerySet(models.QuerySet["InboundMessage"]):
    def pending(self) -> InboundQuerySet:
        return self.filter(state=State.PENDING).order_by("pk")

    def quarantined(self) -> InboundQuerySet:
        return self.filter(state=State.QUARANTINED).order_by("-received")

    def quarantined_to(self, address: str) -> InboundQuerySet:
        """A group's quarantine page: what came to its address and could not be posted."""
        return self.quarantined().filter(recipient=address)


class InboundMessage(models.Model):
    """One message for one recipient address, exactly as received."""

    received = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    envelope_from = models.CharField(_("envelope sender"), max_length=320, blank=True)
    recipient = models.CharField(_("recipient"), max_length=320, db_index=True)
    raw = models.BinaryField(_("original bytes"))
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64, db_index=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices,
                             default=State.PENDING, db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    processed = models.DateTimeField(_("processed"), null=True, blank=True)

    objects = InboundQuerySet.as_manager()

    class Meta:
        verbose_name = _("inbound message")
        verbose_name_plural = _("inbound messages")
        indexes = [models.Index(fields=["recipient", "state"], name="inbound_recipient_state")]

    def __str__(self) -> str:
        return f"{self.recipient} {self.received:%Y-%m-%d %H:%M} ({self.get_state_display()})"

    @staticmethod
    def digest(raw: bytes) -> str:
        return hashlib.sha256(raw).hexdigest()
