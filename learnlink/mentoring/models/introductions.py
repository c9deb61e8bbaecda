"""Introductions: a mentor or a learner puts two organisations in touch by one mail to both,
saying why they should talk and what shows it; the answers that come back to the
introduction's own address are kept with it.

The state is read from the dates, so it has one source: sent, answered (the first answer from
either side: who and when), adopted (written by the knowledge app when a side takes up the
practice; nothing here sets it)."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ADDRESS_PREFIX = "intro-"
# The address takes answers this long after the last mail that gave it (the introduction or
# its reminder); later answers still reach the sides by "Reply all", Learnlink keeps none.
ADDRESS_DAYS = 90
# An introduction records at most this many answers: the address is not a mailing list.
MAX_REPLIES = 200
# Unanswered this long, an introduction comes to the dashboard and may have its one reminder.
UNANSWERED_AFTER = datetime.timedelta(days=14)


def new_token() -> str:
    """64 random bits: the address cannot be guessed, so only those who got the mail use it."""
    return secrets.token_hex(8)


class Side(models.TextChoices):
    SEEKER = "seeker", _("wants to learn")
    PEER = "peer", _("did it")
    INTRODUCER = "introducer", _("introducer")


class State(models.TextChoices):
    SENT = "sent", _("waiting for an answer")
    ANSWERED = "answered", _("answered")
    ADOPTED = "adopted", _("adopted")


class IntroductionQuerySet(models.QuerySet["Introduction"]):
    def for_page(self) -> IntroductionQuerySet:
        """An introduction's page and the lists: both sides, their people, who introduced them
        and who answered, in one query."""
        return self.select_related(
            "introducer", "seeker", "seeker_organisation", "peer", "peer_organisation",
            "answered_by", "group", "evidence_group", "thread__group")

    def unanswered_since(self, moment: datetime.datetime) -> IntroductionQuerySet:
        """The dashboard's concern: sent before `moment` and answered by neither side."""
        return self.filter(answered__isnull=True, sent__lte=moment).order_by("sent", "pk")

    def open_between(self, first: int, second: int) -> IntroductionQuerySet:
        """Unanswered introductions of these two organisations, whichever side each was."""
        return self.filter(answered__isnull=True).filter(
            Q(seeker_organisation=first, peer_organisation=second)
            | Q(seeker_organisation=second, peer_organisation=first))

    def for_list(self) -> IntroductionQuerySet:
        """The mentors' list, newest first: each row's sides and introducer, not its mail."""
        return (self.select_related("introducer", "seeker_organisation", "peer_organisation",
                                    "group").defer("text", "context").order_by("-sent", "-pk"))


class Introduction(models.Model):
    """Two organisations put in touch: the seeker wants to learn what the peer did."""

    introducer = models.ForeignKey("people.Person", verbose_name=_("introduced by"),
                                   on_delete=models.PROTECT, related_name="introductions_made")
    seeker_organisation = models.ForeignKey(
        "people.Organisation", verbose_name=_("organisation that wants to learn"),
        on_delete=models.PROTECT, related_name="+")
    seeker = models.ForeignKey("people.Person", verbose_name=_("its contact"),
                               on_delete=models.PROTECT, related_name="+")
    peer_organisation = models.ForeignKey(
        "people.Organisation", verbose_name=_("organisation that did it"),
        on_delete=models.PROTECT, related_name="+")
    peer = models.ForeignKey("people.Person", verbose_name=_("its contact"),
                             on_delete=models.PROTECT, related_name="+")
    context = models.TextField(_("why they should talk"))
    evidence_url = models.CharField(_("evidence"), max_length=500, blank=True,
                                    help_text="A path on this site, as the mail links it")
    evidence_label = models.CharField(max_length=500, blank=True)
    evidence_group = models.ForeignKey(
        "exchange.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The group whose readers may open the evidence; empty: anyone may")
    thread = models.ForeignKey("exchange.Thread", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="introductions")
    group = models.ForeignKey(
        "exchange.Group", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="introductions",
        help_text="The group whose mentors follow it up (its thread's, else its evidence's)")
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    message_id = models.CharField(_("Message-ID"), max_length=200, editable=False)
    languages = models.CharField(_("languages"), max_length=20)
    subject = models.CharField(_("subject"), max_length=500)
    text = models.TextField(_("the mail"))
    sent = models.DateTimeField(_("sent"), default=timezone.now)
    answered = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey("people.Person", verbose_name=_("answered by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    reminded = models.DateTimeField(_("reminded"), null=True, blank=True)
    adopted = models.DateTimeField(_("adopted"), null=True, blank=True)

    objects = IntroductionQuerySet.as_manager()

    class Meta:
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        # The list, newest first; the dashboard's concern, oldest unanswered first, walks the
        # second in order and reads the group from it: a page of rows is found without a sort
        # and counted without reading the table (bench/introductions.py).
        indexes = [models.Index(fields=["sent", "id"], name="introduction_sent"),
                   models.Index(fields=["sent", "id", "group"], name="introduction_unanswered",
                                condition=Q(answered__isnull=True))]

    def __str__(self) -> str:
        return f"{self.seeker_organisation} – {self.peer_organisation}"

    def get_absolute_url(self) -> str:
        return reverse("mentoring:introduction", args=[self.pk])

    @property
    def address(self) -> str:
        """Where answers are copied to, so that Learnlink sees them."""
        return f"{ADDRESS_PREFIX}{self.token}@{settings.LEARNLINK_MAIL_DOMAIN}"

    @property
    def state(self) -> State:
        if self.adopted:
            return State.ADOPTED
        return State.ANSWERED if self.answered else State.SENT

    def reminder_from(self) -> datetime.datetime:
        return self.sent + UNANSWERED_AFTER

    def reminder_due(self, now: datetime.datetime) -> bool:
        """Unanswered after UNANSWERED_AFTER, and not reminded yet: one reminder, once."""
        return self.answered is None and self.reminded is None and now >= self.reminder_from()

    def address_expires(self) -> datetime.datetime:
        return (self.reminded or self.sent) + datetime.timedelta(days=ADDRESS_DAYS)


class IntroductionReply(models.Model):
    """An answer that reached the introduction's address from a side or the introducer; its
    bytes stay in the inbox row, this is what the page shows."""

    introduction = models.ForeignKey(Introduction, on_delete=models.CASCADE,
                                     related_name="replies")
    inbound = models.ForeignKey("mail.InboundMessage", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    message_id = models.CharField(_("Message-ID"), max_length=500)
    person = models.ForeignKey("people.Person", null=True, on_delete=models.SET_NULL,
                               related_name="+")
    side = models.CharField(_("side"), max_length=12, choices=Side.choices)
    sender_name = models.CharField(_("sender name"), max_length=300, blank=True)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    date = models.DateTimeField(_("date"))

    class Meta:
        verbose_name = _("answer to an introduction")
        verbose_name_plural = _("answers to introductions")
        ordering = ["date", "pk"]
        constraints = [models.UniqueConstraint(fields=["introduction", "message_id"],
                                               name="introduction_reply_once")]

    def __str__(self) -> str:
        return self.subject
