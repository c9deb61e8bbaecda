"""A cycle's page, the teams' action plans and their tasks, and the accountability board.

Every view starts by asking `permissions`; forms validate; `planning` changes the records.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.alliance.models import ActionPlan, Alliance, Cycle, Partner, Task
from learnlink.alliance.permissions import (
    alliance_for_insider,
    alliance_for_reader,
    date_request_for_coordinator,
    is_coordinator,
    is_insider,
    may_act_for_team,
    may_decide_due_date,
    own_team_ids,
    person_of,
    plan_for_editor,
    task_for_editor,
)
from learnlink.alliance.planning import actions as planning
from learnlink.alliance.planning.accountability import board, by_cycle, cycle_standing
from learnlink.alliance.planning.forms import DoneForm, DropForm, PlanForm, TaskForm
from learnlink.lib.requests import AuthenticatedHttpRequest


def _cycle(alliance: Alliance, number: int) -> Cycle:
    cycle = alliance.cycles.filter(number=number).first()
    if cycle is None:
        raise Http404
    return cycle


def cycle(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The cycle: its stages and learning spaces for every reader; the teams' plans with their
    standing for insiders."""
    alliance = alliance_for_reader(request, slug)
    current = _cycle(alliance, number)
    insider = is_insider(request.user, alliance)
    rows, unplanned = cycle_standing(current) if insider else ([], [])
    return render(request, "alliance/cycle.html", {
        "alliance": alliance, "cycle": current, "stages": current.stages.all(),
        "spaces": current.spaces.for_listing(), "insider": insider,
        "coordinator": is_coordinator(request.user, alliance), "rows": rows,
        "unplanned": unplanned, "my_teams": own_team_ids(request.user, alliance)})


def _plan_page(request: HttpRequest, alliance: Alliance, current: Cycle, partner: Partner,
               plan: ActionPlan | None, **forms: Any) -> dict[str, Any]:
    tasks = (plan.tasks.select_related("owner", "step") if plan else Task.objects.none())
    return {"alliance": alliance, "cycle": current, "partner": partner, "plan": plan,
            "tasks": tasks, "editor": may_act_for_team(request.user, partner),
            "today": timezone.localdate(), **forms}


def plan(request: AuthenticatedHttpRequest, slug: str,
         number: int, partner_pk: int) -> HttpResponse:
    alliance = alliance_for_insider(request, slug)
    current = _cycle(alliance, number)
    partner = alliance.partners.select_related("organisation", "alliance").filter(
        pk=partner_pk).first()
    if partner is None:
        raise Http404
    found = (ActionPlan.objects.filter(partner=partner, cycle=current)
             .prefetch_related("steps__guide").first())
    return render(request, "alliance/plan.html",
                  _plan_page(request, alliance, current, partner, found))


def plan_edit(request: AuthenticatedHttpRequest, slug: str,
              number: int, partner_pk: int) -> HttpResponse:
    alliance, current, partner = plan_for_editor(request, slug, number, partner_pk)
    form = PlanForm(request.POST or None, instance=planning.plan_or_new(partner, current))
    if request.method == "POST" and form.is_valid():
        saved = planning.save_plan(partner, current, form.cleaned_data["summary"],
                                   form.cleaned_data["steps"])
        messages.success(request, _("The action plan is saved."))
        return redirect(saved.get_absolute_url())
    return render(request, "alliance/plan_edit.html", {
        "alliance": alliance, "cycle": current, "partner": partner, "form": form},
        status=400 if form.errors else 200)


def task_new(request: AuthenticatedHttpRequest, slug: str,
             number: int, partner_pk: int) -> HttpResponse:
    alliance, current, partner = plan_for_editor(request, slug, number, partner_pk)
    form = TaskForm(request.POST or None,
                    instance=Task(plan=planning.plan_or_new(partner, current)))
    if request.method == "POST" and form.is_valid():
        target = planning.plan_for(partner, current)
        data = form.cleaned_data
        planning.add_task(target, title=data["title"], owner=data["owner"], due=data["due"],
                          deliverable=data["deliverable"], step=data["step"])
        messages.success(request, _("The task is added to the plan."))
        return redirect(target.get_absolute_url())
    return render(request, "alliance/task_form.html", {
        "alliance": alliance, "cycle": current, "partner": partner, "form": form},
        status=400 if form.errors else 200)


def _task_page(request: HttpRequest, task: Task, status: int = 200,
               **forms: Any) -> HttpResponse:
    plan_ = task.plan
    context = {"alliance": plan_.cycle.alliance, "cycle": plan_.cycle, "partner": plan_.partner,
               "task": task, "form": TaskForm(instance=task),
               "done_form": DoneForm(initial={"done_on": timezone.localdate()}),
               "drop_form": DropForm(),
               "date_requests": task.date_requests.filter(decided__isnull=True)
               .select_related("asked_by")
               if may_decide_due_date(request.user, plan_.cycle.alliance) else []} | forms
    return render(request, "alliance/task.html", context, status=status)


def task(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    found = task_for_editor(request, slug, pk)
    if request.method != "POST":
        return _task_page(request, found)
    form = TaskForm(request.POST, instance=found)
    if not form.is_valid():
        return _task_page(request, found, 400, form=form)
    form.save()
    messages.success(request, _("The task is saved."))
    return redirect(found.plan.get_absolute_url())


@require_POST
def task_done(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    found = task_for_editor(request, slug, pk)
    form = DoneForm(request.POST)
    if not form.is_valid():
        return _task_page(request, found, 400, done_form=form)
    planning.mark_done(found, form.cleaned_data["done_on"])
    messages.success(request, _("“%(task)s” is done.") % {"task": found.title})
    return redirect(found.plan.get_absolute_url())


@require_POST
def task_drop(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    found = task_for_editor(request, slug, pk)
    form = DropForm(request.POST)
    if not form.is_valid():
        return _task_page(request, found, 400, drop_form=form)
    try:
        planning.drop_task(found, form.cleaned_data["reason"])
    except ValidationError as error:
        form.add_error("reason", error.messages[0])
        return _task_page(request, found, 400, drop_form=form)
    messages.success(request, _("“%(task)s” is dropped.") % {"task": found.title})
    return redirect(found.plan.get_absolute_url())


@require_POST
def task_reopen(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    found = task_for_editor(request, slug, pk)
    planning.reopen_task(found)
    messages.success(request, _("“%(task)s” is open again.") % {"task": found.title})
    return redirect(found.plan.get_absolute_url())


@require_POST
def task_new_date(request: AuthenticatedHttpRequest, slug: str, pk: int,
                  request_pk: int) -> HttpResponse:
    """A coordinator confirms or declines an owner's new due date asked for by mail."""
    asked = date_request_for_coordinator(request, slug, pk, request_pk)
    confirm = request.POST.get("confirm") == "yes"
    try:
        planning.decide_new_date(asked, person_of(request.user), confirm, timezone.now())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("alliance:task", slug, pk)
    messages.success(request, _("The new due date is confirmed.") if confirm
                     else _("The new due date is declined."))
    return redirect("alliance:task", slug, pk)


def accountability(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    alliance = alliance_for_insider(request, slug)
    return render(request, "alliance/accountability.html", {
        "alliance": alliance, "cycles": by_cycle(board(alliance)),
        "today": timezone.localdate()})
