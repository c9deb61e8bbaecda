"""Performance evaluation: criteria an alliance sets, the scores its coordinators give its
facilitators and implementers each cycle, and the action taken where performance is poor.

Evaluations are personal: only the alliance's coordinators and the person evaluated see them
(see permissions.may_see_evaluations_of)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models.alliances import Alliance, Participant, ParticipantRole
from learnlink.alliance.models.cycles import Cycle

EVALUATED_ROLES = [ParticipantRole.FACILITATOR, ParticipantRole.IMPLEMENTER]
DEFAULT_POOR_BELOW = Decimal("2.5")


class EvaluationPolicy(models.Model):
    """What an alliance counts as poor performance: an average below `poor_below`, on a scale
    of 1 to 5 (scores on other scales are brought to 1-5 before averaging)."""

    alliance = models.OneToOneField(Alliance, on_delete=models.CASCADE,
                                    related_name="evaluation_policy")
    poor_below = models.DecimalField(
        _("poor performance: an average below"), max_digits=3, decimal_places=2,
        default=DEFAULT_POOR_BELOW,
        validators=[MinValueValidator(Decimal(1)), MaxValueValidator(Decimal(5))],
        help_text=_("On a scale of 1 to 5. An evaluation averaging below it asks for an "
                    "action."))

    class Meta:
        verbose_name = _("evaluation policy")
        verbose_name_plural = _("evaluation policies")

    def __str__(self) -> str:
        return str(self.alliance)


class Criterion(models.Model):
    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE,
                                 related_name="evaluation_criteria")
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    scale_max = models.PositiveSmallIntegerField(
        _("scale: from 1 to"), default=5,
        validators=[MinValueValidator(2), MaxValueValidator(10)])
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")
        ordering = ["alliance", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["alliance", "name"],
                                               name="criterion_name_once")]

    def __str__(self) -> str:
        return self.name

    def on_five(self, value: int) -> Decimal:
        """A score brought to the scale of 1 to 5, so criteria on other scales average fairly."""
        if self.scale_max == 5:
            return Decimal(value)
        return 1 + Decimal(value - 1) * 4 / (self.scale_max - 1)


def coordinators_named(alliance: Alliance) -> str:
    names = (Participant.objects.filter(alliance=alliance, role=ParticipantRole.COORDINATOR)
             .order_by("person__name").values_list("person__name", flat=True))
    return ", ".join(names) or "-"


class Evaluation(models.Model):
    """A coordinator's evaluation of one facilitator or implementer for one cycle."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE,
                              related_name="evaluations")
    participant = models.ForeignKey(Participant, verbose_name=_("person evaluated"),
                                    on_delete=models.CASCADE, related_name="evaluations")
    evaluator = models.ForeignKey("people.Person", verbose_name=_("evaluated by"),
                                  on_delete=models.PROTECT, related_name="alliance_evaluations")
    comment = models.TextField(_("comment"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["participant", "cycle__number"]
        constraints = [models.UniqueConstraint(fields=["cycle", "participant"],
                                               name="evaluation_once_per_cycle")]

    def __str__(self) -> str:
        return f"{self.participant.person}, {self.cycle}"

    def clean(self) -> None:
        if not (self.cycle_id and self.participant_id):
            return
        alliance = self.cycle.alliance
        if self.participant.alliance_id != alliance.pk:
            raise ValidationError({"participant": _("This person is in another alliance.")})
        if self.participant.role not in EVALUATED_ROLES:
            raise ValidationError({"participant": _(
                "Only facilitators and implementers are evaluated.")})
        if self.evaluator_id:
            refuse_unless_coordinator(alliance, self.evaluator_id)
            if self.evaluator_id == self.participant.person_id:
                raise ValidationError(_("Nobody evaluates themselves: another coordinator of "
                                        "the alliance records this evaluation."))


def refuse_unless_coordinator(alliance: Alliance, person_id: int | None) -> None:
    """An evaluation is recorded by a coordinator of the alliance, and by nobody else."""
    if person_id is None or not Participant.objects.filter(
            alliance=alliance, person_id=person_id, role=ParticipantRole.COORDINATOR).exists():
        raise ValidationError(_(
            "Only the coordinators of %(alliance)s may evaluate facilitators and implementers: "
            "%(names)s. Ask one of them to record it.") % {
                "alliance": alliance, "names": coordinators_named(alliance)})


class Score(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"),
                                  on_delete=models.PROTECT, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["evaluation", "criterion__order", "criterion__name"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "criterion"],
                                               name="score_once_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"

    def clean(self) -> None:
        if self.criterion_id and self.value is not None and not (
                1 <= self.value <= self.criterion.scale_max):
            raise ValidationError({"value": _("Give a score from 1 to %(max)s.") % {
                "max": self.criterion.scale_max}})


class PerformanceAction(models.Model):
    """What is done about poor performance found in one evaluation."""

    evaluation = models.OneToOneField(Evaluation, on_delete=models.CASCADE,
                                      related_name="action")
    what = models.TextField(_("what will be done"))
    by_whom = models.CharField(_("by whom"), max_length=200)
    by_when = models.DateField(_("by when"))
    outcome = models.TextField(_("outcome"), blank=True,
                               help_text=_("Filled in once the action is done."))
    recorded_by = models.ForeignKey("people.Person", verbose_name=_("recorded by"), null=True,
                                    on_delete=models.SET_NULL,
                                    related_name="alliance_performance_actions")
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("action on performance")
        verbose_name_plural = _("actions on performance")

    def __str__(self) -> str:
        return self.what
