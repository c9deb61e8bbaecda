"""Learning spaces: the courses, workshops, visits and online periods of a cycle, who was
invited to each and who came, and which guide steps each covered."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models.alliances import Alliance, Partner
from learnlink.alliance.models.cycles import Cycle
from learnlink.alliance.models.guides import GuideStep
from learnlink.lib.dates import shown


class SpaceKind(models.TextChoices):
    RESIDENTIAL_COURSE = "residential_course", _("residential course")
    WORKSHOP = "workshop", _("workshop")
    FIELD_VISIT = "field_visit", _("field visit")
    ONLINE_EXCHANGE = "online_exchange", _("online exchange period")
    MONITORING_VISIT = "monitoring_visit", _("in-country monitoring visit")


class LearningSpaceQuerySet(models.QuerySet["LearningSpace"]):
    def of(self, alliance: Alliance) -> LearningSpaceQuerySet:
        """The spaces of every cycle of the alliance."""
        return self.filter(cycle__alliance=alliance)

    def for_listing(self) -> LearningSpaceQuerySet:
        """What the lists of spaces show: the cycle, the place, the facilitators and steps."""
        return (self.select_related("cycle", "place")
                .prefetch_related("facilitators", "steps__guide")
                .order_by("start", "pk"))


class LearningSpace(models.Model):
    """Where partners learn together, on dates inside one cycle."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE,
                              related_name="spaces")
    kind = models.CharField(_("kind"), max_length=20, choices=SpaceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    place = models.ForeignKey("people.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="learning_spaces")
    place_name = models.CharField(_("place, in words"), max_length=200, blank=True,
                                  help_text=_("When the place is not in the directory, e.g. "
                                              "a training centre or 'online'."))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    description = models.TextField(_("description"), blank=True)
    facilitators = models.ManyToManyField("people.Person", verbose_name=_("facilitators"),
                                          blank=True, related_name="facilitated_spaces")
    steps = models.ManyToManyField(GuideStep, verbose_name=_("guide steps covered"), blank=True,
                                   related_name="spaces")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = LearningSpaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning space")
        verbose_name_plural = _("learning spaces")
        ordering = ["start", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("alliance:space", args=[self.cycle.alliance.slug, self.pk])

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def where(self) -> str:
        return self.place.name if self.place_id and self.place else self.place_name

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The last day must not come before the first.")})
        cycle = self.cycle if self.cycle_id else None
        if cycle is not None and self.start and self.end and not (
                cycle.start <= self.start and self.end <= cycle.end):
            raise ValidationError(_(
                "A learning space of cycle %(number)s must fall within it, %(start)s to "
                "%(end)s: change its dates or choose another cycle.") % {
                    "number": cycle.number, "start": shown(cycle.start), "end": shown(cycle.end)})


class Attendance(models.Model):
    """One person invited to a space; `attended` stays empty until someone records it."""

    space = models.ForeignKey(LearningSpace, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey("people.Person", verbose_name=_("person"),
                               on_delete=models.CASCADE, related_name="space_invitations")
    partner = models.ForeignKey(Partner, verbose_name=_("partner team"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="attendance")
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation and attendance")
        verbose_name_plural = _("invitations and attendance")
        ordering = ["space", "person__name"]
        constraints = [models.UniqueConstraint(fields=["space", "person"],
                                               name="invited_once_per_space")]

    def __str__(self) -> str:
        return f"{self.person} @ {self.space}"
