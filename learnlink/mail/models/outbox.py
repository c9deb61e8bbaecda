"""The outbox: every message we send, rendered once, and one row per recipient.

A post to 10,000 members is one `Outgoing` row holding the bytes with a marker where each
recipient's own token goes (footer links, List-Unsubscribe), and 10,000 `Delivery` rows that
the sender works through, retrying each on its own. Nothing leaves except through here, so the
web page of outgoing mail shows everything that was sent or waits to be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def part_marker(marker: str, number: int) -> str:
    """Where the `number`th further word of a recipient's token goes (see `fill`)."""
    return f"{marker}-{number}"


def fill(data: bytes, marker: str, token: str) -> bytes:
    """`data` with the recipient's token in place of the marker. A token of several words
    (tokens are URL-safe, so never hold a space) puts its first word at the marker and each
    next one at `part_marker(marker, n)`: a link that may do only one thing needs a token of
    its own. A place with no word of its own gets the first (the outbox page's stand-in)."""
    words = token.encode().split(b" ")
    place = re.compile(re.escape(marker.encode()) + rb"(?:-(\d+))?")

    def word(found: re.Match[bytes]) -> bytes:
        number = int(found[1] or 0)
        return words[number] if number < len(words) else words[0]

    return place.sub(word, data)


class Kind(models.TextChoices):
    POST = "post", _("post")
    DIGEST = "digest", _("digest")
    NOTICE = "notice", _("notice")


class Outgoing(models.Model):
    created = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NOTICE)
    channel = models.CharField(
        _("group"), max_length=60, blank=True, db_index=True,
        help_text="The group (its slug) the mail belongs to; empty for Learnlink's own mail")
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    raw = models.BinaryField(_("message"))
    marker = models.CharField(max_length=40, blank=True,
                              help_text="Replaced in `raw` by each recipient's own token")

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return self.subject

    def bytes_for(self, token: str) -> bytes:
        raw = bytes(self.raw)
        return fill(raw, self.marker, token) if self.marker else raw


class DeliveryState(models.TextChoices):
    QUEUED = "queued", _("waiting")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def counts_by_state(self, outgoing: Iterable[Outgoing]) -> dict[int, dict[str, int]]:
        """The outbox page: for each of its messages, how many deliveries are in each state,
        in one query for the page."""
        counts: dict[int, dict[str, int]] = {}
        for row in (self.filter(outgoing__in=[item.pk for item in outgoing]).order_by()
                    .values("outgoing", "state").annotate(n=Count("pk"))):
            counts.setdefault(row["outgoing"], {})[row["state"]] = row["n"]
        return counts

    def for_message_page(self, state: str) -> DeliveryQuerySet:
        """An outgoing message's page: its recipients in order, of one state if it is one."""
        found = self.order_by("pk").defer("token")
        return found.filter(state=state) if state in DeliveryState.values else found


class Delivery(models.Model):
    """One recipient of one outgoing message; its bounce address names this row (VERP)."""

    outgoing = models.ForeignKey(Outgoing, on_delete=models.CASCADE, related_name="deliveries")
    address = models.CharField(_("address"), max_length=320)
    token = models.CharField(max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=DeliveryState.choices,
                             default=DeliveryState.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt = models.DateTimeField(_("next attempt"), default=timezone.now)
    lease_until = models.DateTimeField(null=True, blank=True,
                                       help_text="A sender is working on it until then")
    last_error = models.TextField(_("last error"), blank=True)
    sent = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [models.UniqueConstraint(fields=["outgoing", "address"],
                                               name="delivery_once_per_address")]
        indexes = [models.Index(fields=["state", "next_attempt"], name="delivery_due"),
                   models.Index(fields=["address", "state"], name="delivery_address"),
                   # The sender claims waiting rows in order, a batch at a time: read in this
                   # order, a claim stops at its batch instead of sorting all that waits
                   # (quadratic over a run of a million deliveries).
                   models.Index(fields=["state", "id"], name="delivery_waiting"),
                   # What the senders hold now, a few hundred rows: a claim passes over the
                   # recipients they have in hand (see mail/claims.py).
                   models.Index(fields=["lease_until"], name="delivery_leased",
                                condition=models.Q(lease_until__isnull=False))]

    def __str__(self) -> str:
        return f"{self.address} ({self.get_state_display()})"
