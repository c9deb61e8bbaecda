"""The mentors' clean-up pages: a thread's tools (rename, merge), a message's (move, split,
remove, its suggestion), a thread's log with undo buttons; and one POST view per action, which
asks `permissions` first, validates, calls the action and goes where its result is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.exchange.models import Message, Thread
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mentoring.cleanup import actions
from learnlink.mentoring.cleanup.actions import Refused
from learnlink.mentoring.cleanup.forms import MergeForm, MoveForm, RemoveForm, RenameForm
from learnlink.mentoring.cleanup.log import entries
from learnlink.mentoring.cleanup.registry import describe
from learnlink.mentoring.cleanup.undo import undo as undo_entry
from learnlink.mentoring.models import CleanupEntry, SplitSuggestion
from learnlink.mentoring.permissions import (
    entry_for_mentor,
    message_for_mentor,
    thread_for_mentor,
)


def thread_tools(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _thread_page(request, thread_for_mentor(request, pk))


def _thread_page(request: AuthenticatedHttpRequest, thread: Thread, status: int = 200,
                 **forms: Any) -> HttpResponse:
    return render(request, "mentoring/cleanup/thread.html", {
        "group": thread.group, "thread": thread,
        "rename_form": RenameForm(initial={"subject": thread.subject}),
        "merge_form": MergeForm(request.user, thread), **forms}, status=status)


def message_tools(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _message_page(request, message_for_mentor(request, pk))


def _message_page(request: AuthenticatedHttpRequest, message: Message, status: int = 200,
                  **forms: Any) -> HttpResponse:
    waiting = (message.suggested_thread_id is not None
               or SplitSuggestion.objects.filter(message=message).exists())
    suggestion = describe(message) if waiting else ""
    return render(request, "mentoring/cleanup/message.html", {
        "group": message.group, "thread": message.thread, "message": message,
        "suggestion": suggestion, "move_form": MoveForm(request.user, message),
        "remove_form": RemoveForm(), **forms}, status=status)


def log(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    thread = thread_for_mentor(request, pk)
    page = Paginator(CleanupEntry.objects.of_thread(pk).reverse(),
                     settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentoring/cleanup/log.html", {
        "group": thread.group, "thread": thread, "page": page, "entries": entries(page)})


def _done(request: AuthenticatedHttpRequest, text: str, to: str) -> HttpResponse:
    messages.success(request, text)
    return redirect(to)


@require_POST
def rename(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    thread = thread_for_mentor(request, pk)
    form = RenameForm(request.POST)
    if form.is_valid():
        try:
            actions.rename_thread(request.user, thread, form.cleaned_data["subject"])
            return _done(request, _("The thread is renamed."), thread.get_absolute_url())
        except Refused as refused:
            form.add_error(None, refused.reason)
    return _thread_page(request, thread, 400, rename_form=form)


@require_POST
def merge(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    thread = thread_for_mentor(request, pk)
    form = MergeForm(request.user, thread, request.POST)
    if form.is_valid():
        into: Thread = form.cleaned_data["target"]
        try:
            actions.merge_threads(request.user, thread, into)
            return _done(request, _("The threads are merged."), into.get_absolute_url())
        except Refused as refused:
            form.add_error(None, refused.reason)
    return _thread_page(request, thread, 400, merge_form=form)


@require_POST
def move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    message = message_for_mentor(request, pk)
    form = MoveForm(request.user, message, request.POST)
    if form.is_valid():
        try:
            actions.move_message(request.user, message, form.cleaned_data["target"],
                                 with_replies=form.cleaned_data["with_replies"])
            return _done(request, _("The message is moved."), _permalink(message))
        except Refused as refused:
            form.add_error(None, refused.reason)
    return _message_page(request, message, 400, move_form=form)


@require_POST
def split(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _one_click(request, pk, actions.split_thread, "split_error",
                      _("The thread is split: this message starts a new one."))


@require_POST
def remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    message = message_for_mentor(request, pk)
    form = RemoveForm(request.POST)
    if form.is_valid():
        try:
            actions.remove_message(request.user, message, form.cleaned_data["reason"])
            return _done(request, _("The message is removed: members read the reason in "
                                    "its place."), _permalink(message))
        except Refused as refused:
            form.add_error(None, refused.reason)
    return _message_page(request, message, 400, remove_form=form)


@require_POST
def accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _one_click(request, pk, actions.accept_suggestion, "suggestion_error",
                      _("Suggestion accepted."))


@require_POST
def dismiss(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _one_click(request, pk, actions.dismiss_suggestion, "suggestion_error",
                      _("Suggestion dismissed: the message stays where it is."))


def _one_click(request: AuthenticatedHttpRequest, pk: int,
               act: Callable[[User, Message], object], error: str, done: str) -> HttpResponse:
    """An action on one message with no form: done, or the message's page saying why not
    (under the part of the page named by `error`)."""
    message = message_for_mentor(request, pk)
    try:
        act(request.user, message)
    except Refused as refused:
        return _message_page(request, message, 400, **{error: refused.reason})
    return _done(request, done, _permalink(message))


@require_POST
def undo(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = entry_for_mentor(request, pk)
    back = request.POST.get("thread", "")
    thread = Thread.objects.filter(pk=int(back)).first() if back.isdigit() else None
    to = (reverse("mentoring:cleanup:log", args=[thread.pk]) if thread is not None
          else entry.group.get_absolute_url())
    try:
        undo_entry(request.user, entry)
    except Refused as refused:
        messages.error(request, refused.reason)
        return redirect(to)
    return _done(request, _("Undone: the messages and threads are as they were before."), to)


def _permalink(message: Message) -> str:
    """The message where it is now: its thread's page that shows it."""
    return Message.objects.select_related("group").get(pk=message.pk).get_absolute_url()
