"""Learning spaces: a space's page for readers, the forms coordinators use to plan one, and
the attendance form for coordinators and the space's facilitators."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from learnlink.alliance.models import LearningSpace
from learnlink.alliance.permissions import (
    alliance_for_coordinator,
    is_coordinator,
    is_insider,
    may_record_attendance,
    space_for_attendance,
    space_for_reader,
)
from learnlink.alliance.planning import actions as planning
from learnlink.alliance.spaces.forms import AttendanceForm, SpaceForm
from learnlink.lib.requests import AuthenticatedHttpRequest


def space(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = space_for_reader(request, slug, pk)
    alliance = found.cycle.alliance
    insider = is_insider(request.user, alliance)
    attendance = (found.attendance.select_related("person", "partner__organisation")
                  if insider else [])
    return render(request, "alliance/space.html", {
        "alliance": alliance, "space": found, "insider": insider, "attendance": attendance,
        "coordinator": is_coordinator(request.user, alliance),
        "records_attendance": may_record_attendance(request.user, found)})


def space_new(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    alliance = alliance_for_coordinator(request, slug)
    cycle = alliance.cycles.filter(number=number).first()
    if cycle is None:
        raise Http404
    return _edit(request, LearningSpace(cycle=cycle), created=True)


def space_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    alliance = alliance_for_coordinator(request, slug)
    found = LearningSpace.objects.select_related("cycle__alliance").filter(
        cycle__alliance=alliance, pk=pk).first()
    if found is None:
        raise Http404
    return _edit(request, found, created=False)


def _edit(request: HttpRequest, instance: LearningSpace, created: bool) -> HttpResponse:
    alliance = instance.cycle.alliance
    form = SpaceForm(request.POST or None, instance=instance, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        saved = planning.save_space(form.save(commit=False), form.cleaned_data["facilitators"],
                                    form.cleaned_data["steps"])
        messages.success(request, _("The learning space is saved."))
        return redirect(saved.get_absolute_url())
    return render(request, "alliance/space_form.html", {
        "alliance": alliance, "cycle": instance.cycle, "form": form, "created": created,
        "space": instance}, status=400 if form.errors else 200)


def attendance(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    found = space_for_attendance(request, slug, pk)
    alliance = found.cycle.alliance
    form = AttendanceForm(request.POST or None, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        planning.record_attendance(found, form.cleaned_data["invited"],
                                   form.cleaned_data["attended"])
        messages.success(request, _("Attendance is saved."))
        return redirect(found.get_absolute_url())
    return render(request, "alliance/attendance.html", {
        "alliance": alliance, "space": found, "people": form.rows(found), "form": form},
        status=400 if form.errors else 200)
