"""The agenda's pages: the group's agenda, a topic's page (where the group stands on it), the
workshop form, and one small POST view per action. Each view asks mentoring.permissions on its
first line; a refusal comes back as a message on the page it was asked from."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.exchange.models import Group
from learnlink.mentoring import topic_blocks
from learnlink.mentoring.agenda import actions, forms
from learnlink.mentoring.agenda.dialogues import running
from learnlink.mentoring.agenda.standing import standing
from learnlink.mentoring.models import Topic, TopicState, Workshop
from learnlink.mentoring.permissions import (
    group_for_agenda_mentor,
    group_for_agenda_reader,
    may_steer_agenda,
    takes_part,
    topic_for_mentor,
    topic_for_reader,
)
from learnlink.people.models import Person

TOPICS_PER_PAGE = 30
WORKSHOPS_SHOWN = 5
ORDER = [TopicState.ACTIVE, TopicState.PROPOSED, TopicState.LEARNED, TopicState.PARKED,
         TopicState.DROPPED]


def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_for_agenda_reader(request, slug)
    state = request.GET.get("state", "")
    topics = Topic.objects.filter(group=group).for_agenda()
    if state in TopicState.values:
        topics = topics.filter(state=state)
    page = Paginator(topics, TOPICS_PER_PAGE).get_page(request.GET.get("page"))
    by_state = {key: [topic for topic in page if topic.state == key] for key in ORDER}
    return render(request, "mentoring/agenda/agenda.html", {
        "group": group, "page": page, "state": state, "states": TopicState.choices,
        "sections": [(TopicState(key).label, key, shown) for key, shown in by_state.items()
                     if shown],
        "workshops": Workshop.objects.filter(group=group).order_by("-date", "-pk")
        [:WORKSHOPS_SHOWN],
        "form": forms.ProposeForm() if takes_part(request.user, group) else None,
        "mentor": may_steer_agenda(request.user, group)})


def topic(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = topic_for_reader(request, slug, pk)
    mentor = may_steer_agenda(request.user, found.group)
    dialogue = getattr(found, "dialogue", None)
    return render(request, "mentoring/agenda/topic.html", {
        "topic": found, "group": found.group, "mentor": mentor,
        "member": takes_part(request.user, found.group),
        "standing": standing(found), "blocks": topic_blocks.rendered(request, found),
        "dialogue": dialogue, "now": dialogue and running(dialogue, timezone.localdate()),
        "state_form": forms.StateForm(initial={"state": found.state}) if mentor else None,
        "threads": forms.recent_threads(found.group) if mentor else [],
        "syntheses": forms.group_syntheses(found.group) if mentor else [],
        "dialogue_form": forms.DialogueForm.with_defaults() if mentor and not dialogue else None,
    })


@require_POST
def propose(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_for_agenda_reader(request, slug)
    form = forms.ProposeForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors.as_text())
        return redirect("mentoring:agenda", slug)
    return _done(request, lambda: actions.propose(
        group, _person(request), form.cleaned_data["title"], form.cleaned_data["description"]),
        group, _("Your topic is proposed. Members of the group can support it now."))


@require_POST
def support(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = topic_for_reader(request, slug, pk)
    return _done(request, lambda: actions.support(found, _person(request)), found,
                 _("Your support is counted, for your organisation."))


@require_POST
def change_state(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = topic_for_mentor(request, slug, pk)
    form = forms.StateForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors.as_text())
        return redirect(found)
    return _done(request, lambda: actions.change_state(
        found, form.cleaned_data["state"], _person(request), form.cleaned_data["note"]),
        found, _("The topic's state is changed; the history keeps the change."))


@require_POST
def link_thread(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_for_agenda_mentor(request, slug)
    form = forms.LinkForm(group, request.POST)
    back = _back(request, group)
    if not form.is_valid():
        messages.error(request, _("Choose a topic and a thread of this group."))
        return redirect(back)
    actions.link_thread(form.cleaned_data["topic"], form.cleaned_data["thread"])
    messages.success(request, _("The thread is linked to the topic."))
    return redirect(back)


@require_POST
def name_synthesis(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = topic_for_mentor(request, slug, pk)
    form = forms.SynthesisForm(found.group, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a synthesis of this group."))
        return redirect(found)
    return _done(request, lambda: actions.name_topic(form.cleaned_data["synthesis"], found),
                 found, _("The synthesis names this topic."))


@require_POST
def start_dialogue(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = topic_for_mentor(request, slug, pk)
    form = forms.DialogueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give each stage's first day and the dialogue's end."))
        return redirect(found)
    return _done(request, lambda: actions.start_dialogue(found, _person(request),
                                                         form.stages()),
                 found, _("The topic runs as a dialogue: its participants hear when each "
                          "stage opens."))


@require_POST
def close_dialogue(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = topic_for_mentor(request, slug, pk)
    dialogue = getattr(found, "dialogue", None)
    if dialogue is None:
        messages.error(request, _("This topic runs no dialogue."))
        return redirect(found)
    return _done(request, lambda: actions.close_dialogue(dialogue), found,
                 _("The dialogue is closed with its synthesis."))


@require_http_methods(["GET", "POST"])
def workshop(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_for_agenda_mentor(request, slug)
    form = forms.WorkshopForm(group, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        record = actions.WorkshopRecord(group, data["date"], data["place"], data["participants"],
                                        data["others"], data["topics"],
                                        data["new_topics"].splitlines())
        try:
            actions.record_workshop(record, _person(request))
        except actions.Refused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The workshop's agenda is recorded: its topics are "
                                        "active."))
            return redirect("mentoring:agenda", slug)
    return render(request, "mentoring/agenda/workshop.html", {"group": group, "form": form},
                  status=400 if form.errors else 200)


def _person(request: HttpRequest) -> Person | None:
    return getattr(request.user, "person", None)


def _done(request: HttpRequest, action: Callable[[], object], where: Group | Topic,
          success: str) -> HttpResponse:
    """Carry out the action; say what it did, or why it was refused, on the page it came from
    (a new topic's own page)."""
    try:
        made = action()
    except actions.Refused as refused:
        messages.error(request, refused.reason)
        target = refused.topic or where
    else:
        messages.success(request, success)
        target = made if isinstance(made, Topic) else where
    if isinstance(target, Group):
        return redirect("mentoring:agenda", target.slug)
    return redirect(target)


def _back(request: HttpRequest, group: Group) -> str:
    """Where a link form came from (the topic page or the thread page), if it is ours."""
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return back
    return reverse("mentoring:agenda", args=[group.slug])
