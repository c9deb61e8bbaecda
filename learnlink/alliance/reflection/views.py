"""Reflection pages: a cycle's answers from every partner, a partner's answer form, and the
synthesis a coordinator or mentor drafts and publishes.

Every view starts by asking `permissions` for the alliance; nothing else decides who sees what.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.alliance.models import Alliance, Cycle, Reflection, Synthesis
from learnlink.alliance.models.reflection import QUESTIONS
from learnlink.alliance.permissions import (
    alliance_for_insider,
    alliance_for_synthesis_writer,
    may_act_for_team,
    may_synthesise,
    partner_for_answer,
    person_of,
)
from learnlink.alliance.reflection import reviews
from learnlink.alliance.reflection.forms import ReflectionForm, SynthesisForm
from learnlink.alliance.refusal import shows_refusal
from learnlink.lib.requests import AuthenticatedHttpRequest


def _cycle(alliance: Alliance, number: int) -> Cycle:
    return get_object_or_404(Cycle, alliance=alliance, number=number)


def reflection(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    alliance = alliance_for_insider(request, slug)
    cycle = _cycle(alliance, number)
    synthesis = Synthesis.objects.filter(cycle=cycle).first()
    writer = may_synthesise(request.user, alliance)
    published = synthesis is not None and synthesis.published is not None
    rows = [(partner, answers, not published and may_act_for_team(request.user, partner))
            for partner, answers in reviews.answers_by_partner(cycle)]
    return render(request, "alliance/reflection.html", {
        "alliance": alliance, "cycle": cycle, "rows": rows, "questions": QUESTIONS,
        "synthesis": synthesis if published or writer else None,
        "published": published, "writer": writer})


@shows_refusal
def answer(request: AuthenticatedHttpRequest, slug: str, number: int, partner: int) -> HttpResponse:
    """A partner's answers: written by its own people or a coordinator, until published."""
    alliance = alliance_for_insider(request, slug)
    cycle = _cycle(alliance, number)
    team = partner_for_answer(request, alliance, partner)
    if reviews.is_published(cycle):
        messages.info(request, _("The synthesis of this cycle is published: its answers can "
                                 "no longer change."))
        return redirect("alliance:reflection", slug, number)
    existing = Reflection.objects.filter(cycle=cycle, partner=team).first()
    form = ReflectionForm(request.POST or None, initial=model_to_dict(
        existing, fields=reviews.ANSWER_FIELDS) if existing else None)
    if request.method == "POST" and form.is_valid():
        try:
            reviews.save_reflection(cycle, team, form.cleaned_data, person_of(request.user))
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The answers of %(partner)s are saved.")
                             % {"partner": team})
            return redirect("alliance:reflection", slug, number)
    return render(request, "alliance/reflection_form.html", {
        "alliance": alliance, "cycle": cycle, "partner": team, "form": form},
        status=400 if form.errors else 200)


def synthesis(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    """The synthesis form: pre-filled by the drafter until a draft is saved, and again on
    asking (?draft=1)."""
    alliance = alliance_for_synthesis_writer(request, slug)
    cycle = _cycle(alliance, number)
    saved = Synthesis.objects.filter(cycle=cycle).first()
    if saved is not None and saved.published:
        messages.info(request, _("This synthesis is already published."))
        return redirect("alliance:reflection", slug, number)
    proposal = reviews.draft_for(cycle)
    form = SynthesisForm(request.POST or None, initial=(
        model_to_dict(saved, fields=[*reviews.ANSWER_FIELDS, "themes"])
        if saved is not None and not request.GET.get("draft") else proposal.initial()))
    if request.method == "POST" and form.is_valid():
        reviews.save_synthesis(cycle, form.cleaned_data, person_of(request.user))
        messages.success(request, _("The draft synthesis is saved; publish it when it is "
                                    "ready."))
        return redirect("alliance:synthesis", slug, number)
    return render(request, "alliance/synthesis_form.html", {
        "alliance": alliance, "cycle": cycle, "form": form, "saved": saved,
        "proposed": [(label, proposal.questions[key]) for key, label in QUESTIONS]},
        status=400 if form.errors else 200)


@require_POST
def publish(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    alliance = alliance_for_synthesis_writer(request, slug)
    cycle = _cycle(alliance, number)
    saved = Synthesis.objects.filter(cycle=cycle).first()
    if saved is None:
        messages.error(request, _("Save the synthesis before publishing it."))
        return redirect("alliance:synthesis", slug, number)
    reviews.publish_synthesis(saved)
    messages.success(request, _("The synthesis of %(cycle)s is published.") % {"cycle": cycle})
    return redirect("alliance:reflection", slug, number)
