"""The one view of the labels: a mentor's click in the block under a thread's messages."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from learnlink.exchange.models import Message
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mentoring.labels.blocks import OPEN
from learnlink.mentoring.labels.corrections import CONFIRM, confirm, toggle
from learnlink.mentoring.labels.forms import LabelClickForm
from learnlink.mentoring.permissions import thread_for_mentor


@require_POST
def change(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Set, take off or confirm, then back to the same page of the thread, at the message, with
    the labels open."""
    thread = thread_for_mentor(request, pk)
    form = LabelClickForm(request.POST)
    if not form.is_valid():  # only a hand-made request: back to the thread, nothing changed
        return redirect(thread.get_absolute_url())
    message = get_object_or_404(Message, pk=form.message_pk(), thread=thread,
                                is_placeholder=False)
    if form.label() == CONFIRM:
        confirm(message, request.user)
    else:
        toggle(message, form.label(), request.user)
    page = form.cleaned_data["page"] or 1
    query = f"?page={page}&{OPEN}=1" if page > 1 else f"?{OPEN}=1"
    return redirect(f"{thread.get_absolute_url()}{query}#labels-{message.pk}")
