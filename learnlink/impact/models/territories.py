"""Territories (places an alliance works in), their target populations, chosen products, and the
membership counts of the PMGs there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from learnlink.alliance.models import Alliance
    from learnlink.impact.periods import Period


class TerritoryQuerySet(models.QuerySet["Territory"]):
    def of(self, alliance: Alliance) -> TerritoryQuerySet:
        """The alliance's territories with their places, named in every table and form."""
        return self.filter(alliance=alliance).select_related("place")


class Territory(models.Model):
    """A place where an alliance works with producer marketing groups."""

    alliance = models.ForeignKey("alliance.Alliance", on_delete=models.CASCADE,
                                 related_name="territories")
    place = models.ForeignKey("people.Place", verbose_name=_("place"), on_delete=models.PROTECT,
                              related_name="territories")
    products = models.ManyToManyField("people.Enterprise", through="impact.TerritoryProduct",
                                      related_name="territories", blank=True)
    position = models.PositiveSmallIntegerField(_("position in the table"), default=0)

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["position", "place__name"]
        constraints = [models.UniqueConstraint(fields=["alliance", "place"],
                                               name="territory_once_per_alliance")]

    def __str__(self) -> str:
        return self.place.name


class TerritoryProduct(models.Model):
    """A product chosen in a territory, in the order the alliance lists them."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="choices")
    product = models.ForeignKey("people.Enterprise", verbose_name=_("product"),
                                on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("chosen product")
        verbose_name_plural = _("chosen products")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["territory", "product"],
                                               name="product_once_per_territory")]

    def __str__(self) -> str:
        return f"{self.territory}: {self.product}"


class TargetQuerySet(models.QuerySet["Target"]):
    def overlapping(self, period: Period) -> TargetQuerySet:
        """The targets that cover at least one day of the period."""
        return self.filter(start__lte=period.end, end__gte=period.start)


class Target(models.Model):
    """How many households a territory means to reach over a period."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="targets")
    start = models.DateField(_("from"))
    end = models.DateField(_("until"))
    households = models.PositiveIntegerField(_("target households"))

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("target population")
        verbose_name_plural = _("target populations")
        ordering = ["territory", "-start"]
        constraints = [models.UniqueConstraint(fields=["territory", "start"],
                                               name="one_target_per_territory_and_start")]

    def __str__(self) -> str:
        return f"{self.territory}: {self.households} ({self.start}–{self.end})"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not come before the start.")})


class MembershipQuerySet(models.QuerySet["Membership"]):
    def in_period(self, period: Period) -> MembershipQuerySet:
        """The counts made in the period, its first and last days included."""
        return self.filter(date__gte=period.start, date__lte=period.end)


class Membership(models.Model):
    """A PMG's membership as counted on a day. Counts are never added up over time: for a
    period, a PMG has the members of its latest count in that period."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE,
                                  related_name="memberships")
    pmg = models.ForeignKey("people.Organisation", verbose_name=_("PMG"),
                            on_delete=models.PROTECT, related_name="membership_counts")
    date = models.DateField(_("counted on"))
    members = models.PositiveIntegerField(_("members"))
    women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    men = models.PositiveIntegerField(_("men"), null=True, blank=True)
    youth = models.PositiveIntegerField(_("youth"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership count")
        verbose_name_plural = _("membership counts")
        ordering = ["pmg", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["territory", "pmg", "date"],
                                    name="one_count_per_pmg_and_day"),
            models.CheckConstraint(
                condition=models.Q(women__isnull=True) | models.Q(men__isnull=True)
                | models.Q(members__gte=models.F("women") + models.F("men")),
                name="women_and_men_within_members"),
        ]

    def __str__(self) -> str:
        return f"{self.pmg}: {self.members} ({self.date})"

