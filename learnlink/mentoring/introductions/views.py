"""The introduction pages: the form that sends one, an introduction with its mail and its
answers, the mentors' list, and the reminder. Each view asks mentoring.permissions first."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.exchange.models import Thread
from learnlink.lib.links import absolute
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mail.models import InboundMessage
from learnlink.mentoring.introductions import contacts, sending
from learnlink.mentoring.introductions.forms import IntroductionForm
from learnlink.mentoring.permissions import (
    follows_introduction,
    introducer_or_refuse,
    introduces_anyone,
    introduction_for_reader,
    introduction_for_reminder,
    introductions_followed,
    may_open,
    may_remind,
    mentor_or_refuse,
    thread_for_introducer,
)

REPLIES_PER_PAGE = 10  # each shows up to 1,500 characters
NOT_RECORDED_SHOWN = 10


@require_http_methods(["GET", "POST"])
def new(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Prefilled from the link that leads here: `organisation` (who did it, from the peer
    finder), `evidence` (a page of this site), `thread` (the discussion it starts from);
    `find` adds organisations found by name to the choices."""
    introducer = introducer_or_refuse(request)
    thread = _thread(request)
    offer = contacts.Offer.for_request(request.user, request.GET, thread)
    form = IntroductionForm(request.POST or None, user=request.user, peers=offer.peers,
                            seekers=offer.seekers, initial=offer.initial(
                                introducer, _evidence(request, thread)))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        introduction = sending.introduce(introducer, data["seeker"], data["peer"],
                                         data["context"], form.found, thread)
        messages.success(request, _("The introduction is on its way to %(seeker)s and "
                                    "%(peer)s.") % {"seeker": introduction.seeker.name,
                                                    "peer": introduction.peer.name})
        return redirect(introduction)
    return render(request, "mentoring/introductions/new.html", {
        "form": form, "thread": thread, "offer": offer,
        "mentor": introduces_anyone(request.user)}, status=400 if form.errors else 200)


def _thread(request: AuthenticatedHttpRequest) -> Thread | None:
    value = request.GET.get("thread", "")
    return thread_for_introducer(request, int(value)) if value.isdigit() else None


def _evidence(request: AuthenticatedHttpRequest, thread: Thread | None) -> str:
    """The evidence the link gave, else the thread the introduction starts from."""
    return request.GET.get("evidence", "") or (absolute(thread.get_absolute_url())
                                               if thread else "")


def introduction(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = introduction_for_reader(request, pk)
    follows = follows_introduction(request.user, found)
    replies = Paginator(found.replies.select_related("person"), REPLIES_PER_PAGE).get_page(
        request.GET.get("page"))
    not_recorded = (InboundMessage.objects.quarantined_to(found.address).defer("raw")
                    [:NOT_RECORDED_SHOWN] if follows else [])
    return render(request, "mentoring/introductions/introduction.html", {
        "introduction": found, "page": replies, "follows": follows,
        "shows_mail": may_open(request.user, found.evidence_group),
        "shows_thread": found.thread is not None and may_open(request.user, found.thread.group),
        "may_remind": may_remind(request.user, found),
        "reminder_due": found.reminder_due(timezone.now()),
        "not_recorded": not_recorded})


def introduction_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The mentors' list of introductions, newest first, with where each stands."""
    mentor_or_refuse(request)
    found = introductions_followed(request.user).for_list()
    page = Paginator(found, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mentoring/introductions/list.html", {"page": page})


@require_POST
def remind(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = introduction_for_reminder(request, pk)
    if sending.remind(found):
        messages.success(request, _("The reminder is on its way to both sides."))
    else:
        messages.info(request, _("No reminder was sent: this introduction was answered, has "
                                 "had its one reminder, or has not waited long enough."))
    return redirect(found)
