"""The mentor's pages for syntheses: draft one thread or several, edit, translate, publish, send.

Every view asks mentoring.permissions first: only the group's mentors (and the network's) see
a synthesis before it is published; readers meet it on the thread page and in digests.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.exchange.archive import archive_months
from learnlink.exchange.models import Group, Thread
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mentoring.models import Scope, Synthesis
from learnlink.mentoring.permissions import (
    followed_groups,
    group_for_mentor,
    mentor_or_refuse,
    synthesis_for_mentor,
    thread_for_mentor,
)
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Links
from learnlink.mentoring.syntheses.drafting import draft
from learnlink.mentoring.syntheses.forms import NewSynthesisForm, PickForm, SynthesisForm
from learnlink.mentoring.syntheses.overview import overview
from learnlink.mentoring.syntheses.presenting import shown
from learnlink.mentoring.syntheses.sending import CannotSend, preview, send_to_group
from learnlink.mentoring.syntheses.versions import latest_versions

LANGUAGES = dict(settings.LANGUAGES)


def syntheses(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The syntheses of the groups this mentor follows, the latest first."""
    mentor_or_refuse(request)
    found = Synthesis.objects.for_list(followed_groups(request.user))
    page = Paginator(found, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentoring/syntheses/list.html", {"page": page})


def thread_draft(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    thread = thread_for_mentor(request, pk)
    return _draft_page(request, thread.group, [thread], thread.subject,
                       reverse("mentoring:synthesis_save", args=[pk]))


@require_POST
def thread_save(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    thread = thread_for_mentor(request, pk)
    return _save(request, thread.group, [thread], Scope.THREAD, None,
                 reverse("mentoring:synthesis_save", args=[pk]))


def pick(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Choose the threads of a topic, or a month, for one synthesis."""
    group = group_for_mentor(request, slug)
    threads = Thread.objects.latest_in(group)
    page = Paginator(threads, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentoring/syntheses/pick.html", {
        "group": group, "page": page, "months": archive_months(group)})


def group_draft(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = group_for_mentor(request, slug)
    chosen = PickForm(request.GET, group=group)
    if not chosen.is_valid():
        return _not_picked(request, group, chosen)
    threads, month = chosen.cleaned_data["threads"], chosen.cleaned_data["month"]
    return _draft_page(request, group, threads, _title(group, threads, month),
                       f"{reverse('mentoring:syntheses_save', args=[slug])}?"
                       f"{request.GET.urlencode()}")


@require_POST
def group_save(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = group_for_mentor(request, slug)
    chosen = PickForm(request.GET, group=group)
    if not chosen.is_valid():
        return _not_picked(request, group, chosen)
    month = chosen.cleaned_data["month"]
    return _save(request, group, chosen.cleaned_data["threads"],
                 Scope.MONTH if month else Scope.TOPIC, month, request.get_full_path())


def _not_picked(request: AuthenticatedHttpRequest, group: Group, chosen: PickForm,
                ) -> HttpResponse:
    """The choice again, saying what was wrong (a month without threads, no thread ticked)."""
    page = Paginator(Thread.objects.latest_in(group), settings.LEARNLINK_PAGE_SIZE).get_page(1)
    return render(request, "mentoring/syntheses/pick.html", {
        "group": group, "page": page, "months": archive_months(group), "errors": chosen.errors},
        status=400)


def _title(group: Group, threads: Sequence[Thread], month: datetime.date | None) -> str:
    if month:
        return _("%(group)s: %(month)s") % {"group": group.name, "month": f"{month:%Y-%m}"}
    if len(threads) == 1:
        return threads[0].subject
    return _("%(subject)s and %(count)d more threads") % {"subject": threads[0].subject,
                                                           "count": len(threads) - 1}


def _draft_page(request: AuthenticatedHttpRequest, group: Group, threads: Sequence[Thread],
                title: str, save_url: str) -> HttpResponse:
    """The drafter's draft in the form a mentor edits, or a clear word that there is nothing
    to draft from (the form stays, empty, for the mentor to write in)."""
    drafted = draft(threads)
    links = Links.of_threads(threads)
    initial = SynthesisForm.initial_of(title, Content.of_draft(drafted), links)
    form = NewSynthesisForm(initial={**initial, "language": group.language,
                                     "drafted_by": drafted.source}, links=links)
    return _form_page(request, group, threads, form, save_url, drafted=drafted)


def _form_page(request: AuthenticatedHttpRequest, group: Group, threads: Sequence[Thread],
               form: SynthesisForm, save_url: str, status: int = 200,
               **context: object) -> HttpResponse:
    return render(request, "mentoring/syntheses/draft.html", {
        "group": group, "threads": threads[:20], "thread_count": len(threads), "form": form,
        "save_url": save_url, **context}, status=status)


def _save(request: AuthenticatedHttpRequest, group: Group, threads: Sequence[Thread],
          scope: str, month: datetime.date | None, save_url: str) -> HttpResponse:
    form = NewSynthesisForm(request.POST, links=Links.of_threads(threads))
    if not form.is_valid():
        return _form_page(request, group, threads, form, save_url, status=400)
    data = form.cleaned_data
    synthesis = services.start(group, threads, title=data["title"], language=data["language"],
                               content=data["content"], by=request.user, scope=scope,
                               month=month, drafted_by=data["drafted_by"])
    messages.success(request, _("The synthesis is saved as a draft: only the group's mentors "
                                "see it until you publish it."))
    return redirect(synthesis)


def synthesis(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A synthesis: its state, its languages, the original as it stands, and its history."""
    found = synthesis_for_mentor(request, pk)
    history = Paginator(found.versions.history(), settings.LEARNLINK_PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "mentoring/syntheses/synthesis.html", {
        **overview(found), "page": history})


def version(request: AuthenticatedHttpRequest, pk: int, number: int) -> HttpResponse:
    """One version as it was saved."""
    found = synthesis_for_mentor(request, pk)
    saved = found.versions.select_related("author").filter(number=number).first()
    if saved is None:
        raise Http404
    return render(request, "mentoring/syntheses/version.html", {
        "synthesis": found, "version": saved, "shown": shown(found, saved),
        "language_name": LANGUAGES.get(saved.language, saved.language)})


@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, pk: int, language: str) -> HttpResponse:
    """Edit the original, or write a translation (it starts from the original's text): every
    save is a new version."""
    found = synthesis_for_mentor(request, pk)
    if language not in LANGUAGES:
        raise Http404
    links = Links.of_threads(list(found.threads.all()))
    latest = latest_versions(found)
    start = latest.get(language) or latest[found.language]
    if request.method == "POST":
        form = SynthesisForm(request.POST, links=links)
        if form.is_valid():
            services.save_version(found, language, form.cleaned_data["title"],
                                  form.cleaned_data["content"], request.user)
            messages.success(request, _("Saved as a new version."))
            return redirect(found)
    else:
        form = SynthesisForm(initial=SynthesisForm.initial_of(start.title, Content.of_stored(
            start.learned, start.standing, start.next_questions), links), links=links)
    original = latest[found.language]
    return render(request, "mentoring/syntheses/edit.html", {
        "synthesis": found, "form": form, "language": language,
        "language_name": LANGUAGES[language],
        "original": shown(found, original) if language != found.language else None},
        status=400 if form.errors else 200)


@require_POST
def check(request: AuthenticatedHttpRequest, pk: int, language: str) -> HttpResponse:
    """The translation still says what the original's latest version says."""
    found = synthesis_for_mentor(request, pk)
    if language == found.language or language not in latest_versions(found):
        raise Http404
    services.check_translation(found, language, request.user)
    messages.success(request, _("The translation is checked against the latest original."))
    return redirect(found)


@require_POST
def publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = synthesis_for_mentor(request, pk)
    services.publish(found)
    messages.success(request, _("Published: it shows at the top of its threads and leads the "
                                "group's next digests."))
    return redirect(found)


@require_POST
def withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = synthesis_for_mentor(request, pk)
    services.withdraw(found)
    messages.success(request, _("Withdrawn: only the group's mentors see it now."))
    return redirect(found)


@require_http_methods(["GET", "POST"])
def send(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """GET shows the message the group will receive; POST sends it."""
    found = synthesis_for_mentor(request, pk)
    problem = ""
    if request.method == "POST":
        try:
            message = send_to_group(found, request.user)
        except CannotSend as error:
            problem = str(error)
        else:
            messages.success(request, _("Sent to the group: it is archived in the discussion "
                                        "and on its way to the members."))
            return redirect(message)
    return render(request, "mentoring/syntheses/send.html", {
        "synthesis": found, "mail": preview(found, request.user), "problem": problem},
        status=400 if problem else 200)
