"""How a practice travelled: where it began (its origin) and who took it up since (adoptions).

Learners do not copy: an adoption says what they changed. Each may name the adoption it was
learned from, so the record is a tree from the origin; `Adoption.clean` is the one place that
refuses what cannot be true (a date before the origin, a "learned from" that loops back or
belongs to another practice), and every way of saving an adoption goes through it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class PracticeOrigin(models.Model):
    practice = models.OneToOneField("knowledge.Practice", on_delete=models.CASCADE,
                                    related_name="origin")
    organisation = models.ForeignKey("people.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="+")
    place = models.ForeignKey("people.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("origin")
        verbose_name_plural = _("origins")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.date:%Y})"

    def clean(self) -> None:
        earliest = (Adoption.objects.filter(practice_id=self.practice_id, date__lt=self.date)
                    .order_by("date").first())
        if earliest is not None:
            raise ValidationError({"date": gettext(
                "%(organisation)s took this practice up on %(date)s, before this date: the "
                "origin must come first.") % {"organisation": earliest.organisation,
                                              "date": date_format(earliest.date)}})


class AdoptionStatus(models.TextChoices):
    INTERESTED = "interested", _("interested")
    TRYING = "trying", _("trying")
    ADOPTED = "adopted", _("adopted")
    ADAPTED = "adapted", _("adapted")
    ABANDONED = "abandoned", _("abandoned")


class Channel(models.TextChoices):
    THREAD = "thread", _("a discussion thread")
    INTRODUCTION = "introduction", _("an introduction")
    WORKSHOP = "workshop", _("a workshop")
    VISIT = "visit", _("a visit")


class Adoption(models.Model):
    practice = models.ForeignKey("knowledge.Practice", on_delete=models.CASCADE,
                                 related_name="adoptions")
    organisation = models.ForeignKey("people.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="adoptions")
    place = models.ForeignKey("people.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=AdoptionStatus.choices)
    channel = models.CharField(_("how they heard of it"), max_length=12, choices=Channel.choices)
    thread = models.ForeignKey("exchange.Thread", verbose_name=_("thread"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="+")
    introduction = models.ForeignKey("mentoring.Introduction", verbose_name=_("introduction"),
                                     null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="adoptions")
    adaptation = models.TextField(_("what they changed"), blank=True)
    learned_from = models.ForeignKey("self", verbose_name=_("learned from"), null=True,
                                     blank=True, on_delete=models.SET_NULL,
                                     related_name="taught")

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_status_display()})"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        origin = PracticeOrigin.objects.filter(practice_id=self.practice_id).first()
        if origin is not None and self.date and self.date < origin.date:
            errors["date"] = gettext(
                "This practice began on %(date)s at %(organisation)s; an adoption cannot come "
                "before its origin.") % {"date": date_format(origin.date),
                                         "organisation": origin.organisation}
        if self.learned_from_id is not None:
            problem = self._learned_from_problem()
            if problem:
                errors["learned_from"] = problem
        if errors:
            raise ValidationError(errors)

    def _learned_from_problem(self) -> str:
        """Why the "learned from" chain cannot be, or "": it must stay within the practice
        and never come back to this adoption. One query reads the practice's chain."""
        teachers = dict(Adoption.objects.filter(practice_id=self.practice_id)
                        .values_list("pk", "learned_from_id"))
        if self.learned_from_id not in teachers:
            return gettext("They can only have learned it from an adoption of the same "
                           "practice.")
        seen: set[int] = set()
        step: int | None = self.learned_from_id
        while step is not None and step not in seen:
            if self.pk is not None and step == self.pk:
                return gettext("That would make a circle: this adoption is already where "
                               "the other one learned it from, directly or through others.")
            seen.add(step)
            step = teachers.get(step)
        return ""
