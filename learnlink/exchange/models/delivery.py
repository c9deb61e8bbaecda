"""What the exchange remembers about sending: subscriptions and member changes waiting for
their confirmation, and the digests already sent (each one starts where the last of its kind
ended)."""

from __future__ import annotations

import datetime
import secrets
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models.groups import DeliveryMode, Role

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CONFIRM_WITHIN = datetime.timedelta(days=7)

# An invitation makes whoever reads the mailbox a member by one click: never a mentor or an
# owner, who moderate (a mentor promotes them on the members page, knowing who confirmed).
INVITED_ROLES = [(Role.LEARNER.value, Role.LEARNER.label),
                 (Role.OBSERVER.value, Role.OBSERVER.label)]


def new_token() -> str:
    return secrets.token_hex(12)


class AwaitingConfirmation(models.Model):
    """What a mail asked for and its sender must confirm from their own mailbox: a token for
    the reply or the link, used once, and a week to answer."""

    token = models.CharField(max_length=32, unique=True, default=new_token)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    @property
    def expired(self) -> bool:
        return timezone.now() > self.created + CONFIRM_WITHIN


class SubscriptionQuerySet(models.QuerySet["Subscription"]):
    def for_mentors(self, group: object) -> SubscriptionQuerySet:
        """Requests to join a members-only group that their address confirmed, oldest first:
        what its moderation page lists for approval."""
        return self.filter(group=group, confirmed__isnull=False).order_by("confirmed", "pk")


class Subscription(AwaitingConfirmation):
    """Someone asked to join by email or on the web, or a mentor invited them; they become a
    member when they confirm (double opt-in), so nobody can subscribe another person's address.
    To a members-only group a confirmed request (not an invitation) goes on to its mentors, who
    approve or refuse it: one row, one token and one expiry for both steps, rather than a second
    model that copies them."""

    MESSAGE_LENGTH = 500  # why they ask: a few sentences for the mentors, not a letter

    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE,
                              related_name="subscriptions")
    address = models.EmailField(_("address"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=INVITED_ROLES,
                            default=Role.LEARNER)
    invited_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="invitations",
        help_text="The mentor who invited the address; empty when it asked to join itself")
    message = models.TextField(_("why they ask to join"), max_length=MESSAGE_LENGTH, blank=True,
                               help_text="Plain text, for the mentors of a members-only group")
    confirmed = models.DateTimeField(
        _("confirmed"), null=True, blank=True,
        help_text="When the address confirmed a request to a members-only group: it waits "
                  "for the mentors since then")

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription waiting for confirmation")
        verbose_name_plural = _("subscriptions waiting for confirmation")

    def __str__(self) -> str:
        return self.address

    @property
    def invited(self) -> bool:
        return self.invited_by_id is not None

    @property
    def expired(self) -> bool:
        """A week to confirm, then a week for the mentors to answer."""
        return timezone.now() > (self.confirmed or self.created) + CONFIRM_WITHIN


class PendingChange(AwaitingConfirmation):
    """A member's delivery change or leaving, asked for by a mail whose sender we could not
    verify: it waits until the member answers from their own address (or opens the link in
    that mail), so a forged From changes nothing. Used once; expires like a subscription."""

    LEAVE = "leave"
    # The digests' format (command_words.TEXT_FORMATS), as members read it.
    FORMATS = {"plain": _("digests as plain text only"),
               "html": _("digests with their formatting")}

    membership = models.ForeignKey("exchange.Membership", on_delete=models.CASCADE,
                                   related_name="pending_changes")
    change = models.CharField(_("change"), max_length=10,
                              help_text="'leave', the delivery mode to switch to, or the "
                                        "digests' format ('plain' or 'html')")
    address = models.EmailField(_("address"), help_text="Where the confirmation was sent")

    class Meta:
        verbose_name = _("change waiting for confirmation")
        verbose_name_plural = _("changes waiting for confirmation")

    def __str__(self) -> str:
        return f"{self.address}: {self.change}"

    @property
    def leaves(self) -> bool:
        return self.change == self.LEAVE

    @property
    def mode_label(self) -> StrOrPromise:
        """The delivery mode or digest format asked for, as members read it (lazily
        translated: in the language of the page or mail that shows it); '' for leaving."""
        if self.change in self.FORMATS:
            return self.FORMATS[self.change]
        return DeliveryMode(self.change).label if self.change in DeliveryMode.values else ""


class Digest(models.Model):
    """One digest of a group for one delivery mode, as sent to all who chose that mode."""

    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE,
                              related_name="digests")
    mode = models.CharField(_("kind"), max_length=10)
    created = models.DateTimeField(_("sent"), default=timezone.now)
    last_message = models.PositiveBigIntegerField(
        help_text="The newest message it covers (a Message pk): the next one starts after it")
    messages = models.PositiveIntegerField(_("messages"))
    outgoing = models.ForeignKey("mail.Outgoing", null=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        indexes = [models.Index(fields=["group", "mode", "-created"], name="digest_latest")]

    def __str__(self) -> str:
        return f"{self.group} {self.mode} {self.created:%Y-%m-%d}"


class MutedThread(models.Model):
    """A person who asked to receive nothing more of one thread, by message or in digests,
    until they follow it again (the row is deleted then). Per person, not per membership: a
    farmer group's member mutes for herself, not for the whole group."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="muted_threads")
    thread = models.ForeignKey("exchange.Thread", on_delete=models.CASCADE,
                               related_name="mutes")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("muted thread")
        verbose_name_plural = _("muted threads")
        constraints = [models.UniqueConstraint(fields=["thread", "person"],
                                               name="one_mute_per_person_and_thread")]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.thread_id}"
