"""The pages of write-up coaching. Each asks `mentoring.permissions` first, validates with a
form and hands the change to `actions`; the conversation (comments, log, versions) is for the
learner and the mentors only, and a guest reads only a published write-up's text."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.exchange.models import Group
from learnlink.exchange.permissions import person_id, visible_groups
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mentoring.models import WriteUp, WriteUpState
from learnlink.mentoring.permissions import (
    coaches,
    followed_groups,
    group_for_mentor,
    is_its_learner,
    is_mentor,
    mentor_or_refuse,
    sees_conversation,
    thread_for_mentor,
    writeup_for_coach,
    writeup_for_commenter,
    writeup_for_learner,
    writeup_for_reader,
)
from learnlink.mentoring.writeups import actions, drafts
from learnlink.mentoring.writeups.conversation import conversation
from learnlink.mentoring.writeups.forms import (
    CommentForm,
    EditForm,
    FromGuideForm,
    FromThreadForm,
    PublishForm,
)
from learnlink.mentoring.writeups.learners import candidates
from learnlink.mentoring.writeups.text import as_html

OWN = 20  # a learner's own write-ups listed above the published ones


def writeups(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The mentors' list: every write-up of the groups they follow, by state."""
    mentor_or_refuse(request)
    groups = followed_groups(request.user)
    state = request.GET.get("state", "")
    found = WriteUp.objects.for_mentors(groups)
    if state in WriteUpState.values:
        found = found.filter(state=state)
    page = Paginator(found, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentoring/writeups/list.html", {
        "page": page, "states": WriteUpState.choices, "state": state,
        "query": f"state={state}" if state in WriteUpState.values else "",
        "groups": groups.order_by("name")})


def published(request: HttpRequest) -> HttpResponse:
    """Approved write-ups whose learners let them be published, for anyone; above them, a
    signed-in learner's own."""
    found = WriteUp.objects.published().with_names().order_by("-approved", "-pk")
    page = Paginator(found, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    pid = person_id(request.user)
    own = list(WriteUp.objects.of_learner(pid)[:OWN]) if pid else []
    return render(request, "mentoring/writeups/published.html", {
        "page": page, "own": own, "mentor": is_mentor(request.user)})


@require_http_methods(["GET", "POST"])
def new_from_thread(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    thread = thread_for_mentor(request, pk)
    quotable = drafts.quotable(thread)
    form = FromThreadForm(request.POST or None, learners=candidates(thread.group, thread),
                          messages=quotable, initial={
                              "title": thread.subject, "language": thread.group.language,
                              "messages": [str(m.pk) for m in quotable if m.text.strip()]})
    if request.method == "POST" and form.is_valid():
        writeup = actions.start_from_thread(
            _start(form, thread.group), thread, form.chosen_messages(quotable),
            actions.Actor.on_web(request.user))
        if writeup is not None:
            return redirect(writeup)
        form.add_error("messages", _("None of the chosen messages has words of its own "
                                     "(they only quote others): choose others, or start from "
                                     "the interview guide."))
    return render(request, "mentoring/writeups/new_from_thread.html", {
        "thread": thread, "group": thread.group, "form": form, "quotable": quotable})


@require_http_methods(["GET", "POST"])
def new_from_guide(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = group_for_mentor(request, slug)
    form = FromGuideForm(request.POST or None, learners=candidates(group),
                         initial={"language": group.language})
    if request.method == "POST" and form.is_valid():
        writeup = actions.start_from_guide(_start(form, group), form.answers(),
                                           actions.Actor.on_web(request.user))
        if writeup is not None:
            return redirect(writeup)
    return render(request, "mentoring/writeups/new_from_guide.html", {
        "group": group, "form": form})


def _start(form: FromThreadForm | FromGuideForm, group: Group) -> actions.Start:
    learner, organisation = form.learner_and_organisation()
    return actions.Start(group, learner, organisation, form.cleaned_data["title"],
                         form.cleaned_data["language"])


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A published write-up's own public page; for its learner and mentors, the workbench."""
    writeup = writeup_for_reader(request, pk)
    context = {"writeup": writeup, "html": as_html(writeup.text),
               "coach": coaches(request.user, writeup),
               "learner": is_its_learner(request.user, writeup),
               "thread_readable": writeup.thread_id is not None and visible_groups(
                   request.user).filter(pk=writeup.group_id).exists()}
    if sees_conversation(request.user, writeup):
        context.update(conversation(request.user, writeup))
    return render(request, "mentoring/writeups/detail.html", context)


def version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    writeup = writeup_for_commenter(request, pk)
    shown = get_object_or_404(writeup.versions.select_related("by__person"), number=number)
    return render(request, "mentoring/writeups/version.html", {
        "writeup": writeup, "version": shown, "html": as_html(shown.text)})


@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    writeup = writeup_for_coach(request, pk)
    form = EditForm(request.POST) if request.method == "POST" else EditForm.of(writeup)
    if request.method == "POST" and form.is_valid():
        was_approved = writeup.state == WriteUpState.APPROVED
        if actions.edit(writeup, form.cleaned_data["title"], form.cleaned_data["text"],
                        actions.Actor.on_web(request.user)):
            messages.success(request, _("The learner approved the earlier text: send it to "
                                        "them again for their approval.") if was_approved
                             else _("A new version is kept."))
        return redirect(writeup)
    return render(request, "mentoring/writeups/edit.html", {"writeup": writeup, "form": form})


@require_POST
def send(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    writeup = writeup_for_coach(request, pk)
    try:
        actions.send_to_learner(writeup, actions.Actor.on_web(request.user))
    except actions.CannotSend:
        messages.error(request, _("It was not sent: the learner has approved it already, or "
                                  "Learnlink has no working address for them."))
    else:
        messages.success(request, _("The draft is on its way to %(name)s.") % {
            "name": writeup.learner.name})
    return redirect(writeup)


@require_POST
def comment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    writeup = writeup_for_commenter(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        actions.comment(writeup, form.cleaned_data["text"], actions.Actor.on_web(request.user))
    else:
        messages.error(request, _("Write something to add a comment."))
    return redirect(writeup)


@require_POST
def approve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One click, with the learner's answer about publication in the same button."""
    writeup = writeup_for_learner(request, pk)
    form = PublishForm(request.POST)
    publish = form.cleaned_data["publish"] if form.is_valid() else None
    try:
        actions.approve(writeup, actions.Actor.on_web(request.user), publish)
    except actions.NotSent:
        messages.error(request, _("Your mentor is still changing the draft: you can approve "
                                  "it once they send it to you."))
    else:
        messages.success(request, _("Thank you: you approved the write-up."))
    return redirect(writeup)


@require_POST
def publishing(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    writeup = writeup_for_learner(request, pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        actions.set_publishing(writeup, form.cleaned_data["publish"],
                               actions.Actor.on_web(request.user))
    return redirect(writeup)
