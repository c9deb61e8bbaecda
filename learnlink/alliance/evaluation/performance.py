"""Performance evaluation: recording a coordinator's scores, the trend of each person across
cycles, and where performance is poor enough to need an action.

Who may see or record what is decided in permissions.py; these functions trust their caller
on that, except that an evaluation's own validation refuses any evaluator who is not one of
the alliance's coordinators."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import QuerySet

from learnlink.alliance.models import (
    Alliance,
    Criterion,
    Cycle,
    Evaluation,
    EvaluationPolicy,
    Participant,
    PerformanceAction,
    Score,
)
from learnlink.alliance.models.evaluation import DEFAULT_POOR_BELOW
from learnlink.people.models import Person

TENTH = Decimal("0.01")


def poor_below(alliance: Alliance) -> Decimal:
    policy = EvaluationPolicy.objects.filter(alliance=alliance).first()
    return policy.poor_below if policy else DEFAULT_POOR_BELOW


def set_poor_below(alliance: Alliance, value: Decimal) -> None:
    EvaluationPolicy.objects.update_or_create(alliance=alliance, defaults={"poor_below": value})


def criteria(alliance: Alliance) -> QuerySet[Criterion]:
    return Criterion.objects.filter(alliance=alliance)


@transaction.atomic
def record_evaluation(cycle: Cycle, participant: Participant, evaluator: Person | None,
                      scores: dict[Criterion, int], comment: str = "") -> Evaluation:
    """Record (or correct) the evaluation of one person for one cycle. A ValidationError if the
    evaluator is not a coordinator of the alliance, or a score is off its scale."""
    evaluation = (Evaluation.objects.filter(cycle=cycle, participant=participant).first()
                  or Evaluation(cycle=cycle, participant=participant))
    evaluation.evaluator = evaluator  # type: ignore[assignment]
    evaluation.comment = comment.strip()
    evaluation.full_clean()
    if evaluation.pk:
        evaluation.save(update_fields=["evaluator", "comment", "updated"])
    else:
        evaluation.save()
    given = {s.criterion_id: s for s in Score.objects.filter(evaluation=evaluation)}
    for criterion, value in scores.items():
        score = given.get(criterion.pk) or Score(evaluation=evaluation, criterion=criterion)
        score.value = value
        score.full_clean()
        if score.pk:
            score.save(update_fields=["value"])
        else:
            score.save()
    return evaluation


def average(scores: Iterable[Score]) -> Decimal | None:
    """The mean score on a scale of 1 to 5, to two decimals; None without scores."""
    values = [score.criterion.on_five(score.value) for score in scores]
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(TENTH, rounding=ROUND_HALF_UP)


@dataclass
class CycleResult:
    cycle: Cycle
    evaluation: Evaluation | None
    average: Decimal | None
    poor: bool
    has_action: bool = False

    @property
    def needs_action(self) -> bool:
        return self.poor and not self.has_action


@dataclass
class Trend:
    """One person's evaluations cycle by cycle."""

    participant: Participant
    results: list[CycleResult] = field(default_factory=list)
    poor_below: Decimal = DEFAULT_POOR_BELOW

    @property
    def evaluated(self) -> list[CycleResult]:
        return [r for r in self.results if r.evaluation is not None]

    @property
    def poor(self) -> list[CycleResult]:
        return [r for r in self.results if r.poor]

    @property
    def waiting_for_action(self) -> list[CycleResult]:
        return [r for r in self.results if r.needs_action]

    @staticmethod
    def _y(value: Decimal, height: int = 40) -> float:
        """1 at the bottom of the chart, 5 at the top."""
        return 4 + (5 - float(value)) * (height - 8) / 4

    @property
    def threshold_y(self) -> str:
        return f"{self._y(self.poor_below):.0f}"

    def svg_points(self, width: int = 160, height: int = 40) -> str:
        """Polyline points of the averages (1 at the bottom, 5 at the top), for an inline SVG."""
        count = max(len(self.results) - 1, 1)
        points = []
        for index, result in enumerate(self.results):
            if result.average is None:
                continue
            x = 4 + index * (width - 8) / count
            y = self._y(result.average, height)
            points.append(f"{x:.0f},{y:.0f}")
        return " ".join(points)


def trends(alliance: Alliance, participants: QuerySet[Participant]) -> list[Trend]:
    """Each participant's results in every cycle of the alliance, in a fixed number of queries."""
    cycles = list(Cycle.objects.filter(alliance=alliance).order_by("number"))
    threshold = poor_below(alliance)
    people = list(participants.select_related("person", "partner__organisation")
                  .order_by("role", "person__name"))
    evaluations = (Evaluation.objects.filter(participant__in=[p.pk for p in people])
                   .select_related("evaluator", "cycle")
                   .prefetch_related("scores__criterion"))
    found = {(e.participant_id, e.cycle_id): e for e in evaluations}
    actions = set(PerformanceAction.objects.filter(
        evaluation__participant__in=[p.pk for p in people]).values_list("evaluation_id",
                                                                         flat=True))
    result = []
    for participant in people:
        trend = Trend(participant, poor_below=threshold)
        for cycle in cycles:
            evaluation = found.get((participant.pk, cycle.pk))
            mean = average(evaluation.scores.all()) if evaluation else None
            trend.results.append(CycleResult(
                cycle, evaluation, mean, mean is not None and mean < threshold,
                has_action=evaluation is not None and evaluation.pk in actions))
        result.append(trend)
    return result


def record_action(evaluation: Evaluation, action: PerformanceAction,
                  recorded_by: Person | None) -> PerformanceAction:
    action.evaluation = evaluation
    action.recorded_by = recorded_by
    action.full_clean()
    action.save()
    return action
