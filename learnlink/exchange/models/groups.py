"""Groups and who belongs to them, as a person or as a whole organisation."""

from __future__ import annotations

import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public archive")
    PRIVATE = "private", _("members only")


class PostingPolicy(models.TextChoices):
    MEMBERS = "members", _("members only")
    MODERATED = "moderated", _("moderated")
    OPEN = "open", _("open")


class Role(models.TextChoices):
    LEARNER = "learner", _("learner")
    OBSERVER = "observer", _("observer")
    MENTOR = "mentor", _("mentor")
    OWNER = "owner", _("owner")


# Learners, mentors and owners post and take part in the group's dialogues and contracts;
# observers (donors, other networks, researchers) read the archive and its digests.
INNER_CIRCLE = (Role.LEARNER, Role.MENTOR, Role.OWNER)


class DeliveryMode(models.TextChoices):
    EACH = "each", _("each message")
    DAILY = "daily", _("daily digest")
    WEEKLY = "weekly", _("weekly digest")
    MONTHLY = "monthly", _("monthly digest")
    NONE = "none", _("web only")


class HeldNotices(models.TextChoices):
    """When a moderator hears of a message held for them: Mailman's default is at once."""

    AT_ONCE = "at_once", _("each held message at once, by mail")
    SUMMARY = "summary", _("in the daily summary only")


class ReplyTo(models.TextChoices):
    GROUP = "group", _("the group")
    SENDER = "sender", _("the sender")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def valid_time_zone(name: str) -> None:
    if name not in zoneinfo.available_timezones():
        raise ValidationError(_("%(name)s is not a time zone (try Africa/Nairobi)"),
                              params={"name": name})


def one_line(text: str) -> None:
    """A subject prefix goes into every copy's Subject header: a line break there would start
    a header of the sender's choosing, and other control characters show as boxes."""
    if any(not character.isprintable() for character in text):
        raise ValidationError(_("Letters, digits, spaces and signs only: no line breaks."))


def new_key() -> str:
    return secrets.token_urlsafe(9)


class GroupQuerySet(models.QuerySet["Group"]):
    def with_activity(self) -> GroupQuerySet:
        """Member count and last activity for lists of groups, as subqueries: joining members
        and threads together would multiply one by the other on a busy archive."""
        from learnlink.exchange.models.messages import Thread

        members = (Membership.objects.filter(group=OuterRef("pk")).order_by()
                   .values("group").annotate(n=Count("pk")).values("n"))
        last = (Thread.objects.filter(group=OuterRef("pk")).order_by("-last_activity")
                .values("last_activity")[:1])
        return self.annotate(members=Coalesce(Subquery(members), 0), last=Subquery(last))

    def by_activity(self) -> GroupQuerySet:
        """The list of groups and the home page's: the liveliest first, silent ones last."""
        return self.with_activity().order_by(F("last").desc(nulls_last=True), "name")


class Group(models.Model):
    """A team space: a mailing address, its members and the archive of what they said."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="en",
                                choices=settings.LANGUAGES)
    visibility = models.CharField(_("archive"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.PUBLIC)
    posting_policy = models.CharField(_("who may post"), max_length=10,
                                      choices=PostingPolicy.choices,
                                      default=PostingPolicy.MEMBERS)
    join_by_subject = models.BooleanField(
        _("join replies by subject"), default=False,
        help_text=_("A 'Re:' message without references joins the latest thread of the same "
                    "subject from the last 30 days instead of being offered to mentors."))
    observers_may_post = models.BooleanField(
        _("observers may post"), default=False,
        help_text=_("Observers (donors, other networks, researchers) read and get digests; "
                    "unless this is ticked, what they send waits for a mentor."))
    size_limit = models.PositiveIntegerField(_("largest message (bytes)"), default=10 * 1024 * 1024)
    spam_threshold = models.FloatField(
        _("spam score threshold"), default=5.0,
        help_text=_("When SpamAssassin checks mail (SPAMD_URL), mail it scores at or above "
                    "this waits in the quarantine instead of reaching the members."))
    subject_prefix = models.CharField(
        _("subject prefix"), max_length=40, blank=True, validators=[one_line],
        help_text=_("Put once before the subject of every copy members get, so that their "
                    "mail programs can sort the group's mail, e.g. [oranges-muheza]. "
                    "Leave empty for none."))
    footer = models.TextField(
        _("footer"), max_length=1000, blank=True, validators=[MaxLengthValidator(1000)],
        help_text=_("Plain text at the end of every copy and digest, above Learnlink's own "
                    "lines (how to write to the group, how to leave)."))
    reply_to = models.CharField(_("replies go to"), max_length=10, choices=ReplyTo.choices,
                                default=ReplyTo.GROUP)
    time_zone = models.CharField(_("time zone"), max_length=60, default=settings.TIME_ZONE,
                                 validators=[valid_time_zone],
                                 help_text=_("Digests leave at the digest time in this zone"))
    digest_time = models.TimeField(_("digest time"), default=datetime.time(18, 0))
    digest_weekday = models.PositiveSmallIntegerField(_("weekly digest on"),
                                                      choices=Weekday.choices,
                                                      default=Weekday.MONDAY)
    created = models.DateTimeField(auto_now_add=True)

    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("exchange:group", args=[self.slug])

    @property
    def address(self) -> str:
        return f"{self.slug}@{settings.LEARNLINK_MAIL_DOMAIN}"

    @property
    def list_id(self) -> str:
        return f"{self.slug}.{settings.LEARNLINK_MAIL_DOMAIN}"

    @property
    def request_address(self) -> str:
        """SLUG-request@domain: commands in the subject or body (Mailman's convention)."""
        return f"{self.slug}-request@{settings.LEARNLINK_MAIL_DOMAIN}"

    @property
    def owner_address(self) -> str:
        """SLUG-owner@domain: reaches the group's mentors (Mailman's convention)."""
        return f"{self.slug}-owner@{settings.LEARNLINK_MAIL_DOMAIN}"

    @property
    def join_address(self) -> str:
        """SLUG-join@domain: whatever a mail to it says, its sender asks to join (Mailman's)."""
        return f"{self.slug}-join@{settings.LEARNLINK_MAIL_DOMAIN}"

    @property
    def leave_address(self) -> str:
        return f"{self.slug}-leave@{settings.LEARNLINK_MAIL_DOMAIN}"

    def command_address(self, command: str) -> str:
        """SLUG+COMMAND@domain: subscribe, unsubscribe, digest, help and the others."""
        return f"{self.slug}+{command}@{settings.LEARNLINK_MAIL_DOMAIN}"

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


class MemberQuerySet(models.QuerySet["Membership"]):
    def for_moderators(self) -> MemberQuerySet:
        """The moderators' member list: each member with their last post in the group and the
        state of the addresses the group's mail goes to, as subqueries (one query a page)."""
        from learnlink.exchange.models.messages import Message
        from learnlink.people.models import EmailAddress

        def last_post(sender: Q) -> Subquery:
            return Subquery(Message.objects.filter(sender, group=OuterRef("group"))
                            .order_by("-date").values("date")[:1])

        def addresses(**state: object) -> Exists:
            """The member's current addresses, an organisation's being its people's."""
            return Exists(EmailAddress.objects.current().filter(
                Q(person=OuterRef("person"))
                | Q(person__affiliations__organisation=OuterRef("organisation")), **state))

        return (self.select_related("person", "organisation")
                .annotate(last_post=Coalesce(
                              last_post(Q(sender=OuterRef("person"))),
                              last_post(Q(sender__affiliations__organisation=OuterRef(
                                  "organisation")))),
                          receives=addresses(disabled__isnull=True),
                          bounces=addresses(bounce_score__gt=0),
                          stopped=addresses(disabled__isnull=False))
                .order_by("organisation__name", "person__name", "pk"))


class BounceState(models.TextChoices):
    OK = "ok", _("delivered")
    BOUNCING = "bouncing", _("bouncing")
    STOPPED = "stopped", _("delivery stopped after bounces")
    NO_ADDRESS = "none", _("no current address")


class Membership(models.Model):
    """A person, or an organisation taking part as one learner through its shared address."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="memberships")
    organisation = models.ForeignKey("people.Organisation", null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.LEARNER)
    mode = models.CharField(_("delivery"), max_length=10, choices=DeliveryMode.choices,
                            default=DeliveryMode.EACH)
    plain_text = models.BooleanField(
        _("digests in plain text only"), default=False,
        help_text="One text part, no HTML: the lightest digest for a metered connection")
    hold_posts = models.BooleanField(
        _("hold this member's posts"), default=False,
        help_text=_("What they send waits for a mentor, whatever the group's posting policy"))
    held_notices = models.CharField(
        _("held messages"), max_length=10, choices=HeldNotices.choices,
        default=HeldNotices.AT_ONCE,
        help_text="For a mentor or owner: when they hear of a message held for moderation")
    joined = models.DateTimeField(_("joined"), auto_now_add=True)
    key = models.CharField(max_length=20, default=new_key,
                           help_text="Part of the member's signed links; a new key voids old ones")

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organisation__isnull=True)
                | Q(person__isnull=True, organisation__isnull=False),
                name="membership_person_xor_organisation"),
            models.UniqueConstraint(fields=["group", "person"], name="membership_unique_person"),
            models.UniqueConstraint(fields=["group", "organisation"],
                                    name="membership_unique_organisation"),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.organisation} in {self.group}"

    @property
    def member(self) -> object:
        return self.person or self.organisation

    @property
    def in_inner_circle(self) -> bool:
        return self.role in INNER_CIRCLE

    @property
    def moderates(self) -> bool:
        return self.role in (Role.MENTOR, Role.OWNER)

    @property
    def bounce_state(self) -> BounceState:
        """From `for_moderators`' annotations: whether the group's mail reaches the member."""
        found: dict[str, bool] = self.__dict__
        if found["receives"]:
            return BounceState.BOUNCING if found["bounces"] else BounceState.OK
        return BounceState.STOPPED if found["stopped"] else BounceState.NO_ADDRESS


class BannedAddress(models.Model):
    """'Always reject this address': a moderator's standing decision for one group."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="banned")
    address = models.EmailField(_("address"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("banned address")
        verbose_name_plural = _("banned addresses")
        constraints = [models.UniqueConstraint(fields=["group", "address"],
                                               name="banned_unique_address")]

    def __str__(self) -> str:
        return self.address
