"""Performance evaluation pages. Evaluations are seen by the alliance's coordinators and by the
person evaluated, and recorded by coordinators only; anyone else finds nothing (404), and a
participant who tries to record one is told who may.

Every view starts by asking `permissions` for the alliance; nothing else decides who sees what.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.alliance.evaluation import performance
from learnlink.alliance.evaluation.forms import (
    ActionForm,
    CriterionForm,
    EvaluationForm,
    PolicyForm,
)
from learnlink.alliance.models import (
    Alliance,
    Criterion,
    Cycle,
    Evaluation,
    Participant,
    PerformanceAction,
)
from learnlink.alliance.models.evaluation import EVALUATED_ROLES
from learnlink.alliance.permissions import (
    alliance_for_evaluator,
    alliance_for_insider,
    alliance_for_recording_evaluations,
    evaluated_visible_to,
    may_evaluate,
    person_of,
)
from learnlink.alliance.refusal import shows_refusal
from learnlink.lib.requests import AuthenticatedHttpRequest


def index(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Coordinators: everyone's trend. Any other insider: their own, if they are evaluated."""
    alliance = alliance_for_insider(request, slug)
    coordinator = may_evaluate(request.user, alliance)
    return render(request, "alliance/evaluations.html", {
        "alliance": alliance, "coordinator": coordinator,
        "trends": performance.trends(alliance, evaluated_visible_to(request.user, alliance)),
        "cycles": alliance.cycles.order_by("number"),
        "criteria": performance.criteria(alliance),
        "poor_below": performance.poor_below(alliance)})


def _visible(request: HttpRequest, alliance: Alliance, participant: int) -> Participant:
    found = evaluated_visible_to(request.user, alliance).filter(pk=participant).first()
    if found is None:
        raise Http404
    return found


def person(request: AuthenticatedHttpRequest, slug: str, participant: int) -> HttpResponse:
    alliance = alliance_for_insider(request, slug)
    evaluated = _visible(request, alliance, participant)
    trend = performance.trends(alliance, Participant.objects.filter(pk=evaluated.pk))[0]
    actions = {a.evaluation_id: a for a in PerformanceAction.objects.filter(
        evaluation__participant=evaluated)}
    return render(request, "alliance/evaluation_person.html", {
        "alliance": alliance, "trend": trend, "evaluated": evaluated, "actions": actions,
        "coordinator": may_evaluate(request.user, alliance),
        "poor_below": performance.poor_below(alliance)})


@shows_refusal
def record(request: AuthenticatedHttpRequest, slug: str,
           participant: int, number: int) -> HttpResponse:
    alliance = alliance_for_recording_evaluations(request, slug)
    evaluated = get_object_or_404(Participant.objects.select_related("person"),
                                  alliance=alliance, pk=participant, role__in=EVALUATED_ROLES)
    cycle = get_object_or_404(Cycle, alliance=alliance, number=number)
    criteria = list(performance.criteria(alliance))
    existing = (Evaluation.objects.filter(cycle=cycle, participant=evaluated)
                .prefetch_related("scores").first())
    form = EvaluationForm(request.POST or None, criteria=criteria, recorded=existing)
    if request.method == "POST" and form.is_valid():
        try:
            performance.record_evaluation(cycle, evaluated, person_of(request.user),
                                          form.scores(), form.cleaned_data["comment"])
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The evaluation of %(person)s for %(cycle)s is saved.")
                             % {"person": evaluated.person, "cycle": cycle})
            return redirect("alliance:evaluation_person", slug, evaluated.pk)
    return render(request, "alliance/evaluation_form.html", {
        "alliance": alliance, "evaluated": evaluated, "cycle": cycle, "form": form,
        "criteria": criteria}, status=400 if form.errors else 200)


@shows_refusal
def action(request: AuthenticatedHttpRequest, slug: str,
           participant: int, number: int) -> HttpResponse:
    """What will be done about a poor evaluation, and later its outcome."""
    alliance = alliance_for_recording_evaluations(request, slug)
    evaluation = get_object_or_404(
        Evaluation.objects.select_related("participant__person", "cycle"),
        cycle__alliance=alliance, cycle__number=number, participant_id=participant)
    existing = PerformanceAction.objects.filter(evaluation=evaluation).first()
    form = ActionForm(request.POST or None,
                      instance=existing or PerformanceAction(evaluation=evaluation))
    if request.method == "POST" and form.is_valid():
        performance.record_action(evaluation, form.instance, person_of(request.user))
        messages.success(request, _("The action is recorded."))
        return redirect("alliance:evaluation_person", slug, participant)
    return render(request, "alliance/action_form.html", {
        "alliance": alliance, "evaluation": evaluation, "form": form},
        status=400 if form.errors else 200)


def criteria(request: AuthenticatedHttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """The alliance's criteria, a form to add one (or change one), and the poor threshold."""
    alliance = alliance_for_evaluator(request, slug)
    instance = (get_object_or_404(Criterion, alliance=alliance, pk=pk) if pk
                else Criterion(alliance=alliance))
    form = CriterionForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The criterion %(name)s is saved.")
                         % {"name": form.instance.name})
        return redirect("alliance:criteria", slug)
    return render(request, "alliance/criteria.html", {
        "alliance": alliance, "form": form, "editing": pk,
        "criteria": performance.criteria(alliance),
        "policy_form": PolicyForm(initial={"poor_below": performance.poor_below(alliance)})},
        status=400 if form.errors else 200)


@require_POST
def policy(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_evaluator(request, slug)
    form = PolicyForm(request.POST)
    if form.is_valid():
        performance.set_poor_below(alliance, form.cleaned_data["poor_below"])
        messages.success(request, _("The threshold of poor performance is saved."))
    else:
        messages.error(request, _("Give a threshold from 1 to 5."))
    return redirect("alliance:criteria", slug)
