"""The pages of a nudge's two links, and a mentor's switch of a group's nudges. Each view asks
`mentoring.permissions` first: the links are their own permission (signed, expiring, one
purpose each); the switch is for the group's mentors. A link's page asks for one press of a
button, which does what the link says; a link that cannot act says why."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mentoring.models import NudgeKind
from learnlink.mentoring.nudges.links import BadNudgeLink, opt_out, snooze
from learnlink.mentoring.nudges.settings import set_nudges
from learnlink.mentoring.permissions import (
    group_for_mentor,
    nudge_snooze_for_link,
    person_for_opt_out_link,
)

PAGE = "mentoring/nudges/link.html"


def _problem(request: HttpRequest, problem: BadNudgeLink) -> HttpResponse:
    text = (_("This link is too old: it worked for a month after the reminder was sent.")
            if str(problem) == "expired" else
            _("This link does not work: copy the whole link from the reminder."))
    return render(request, PAGE, {"problem": text}, status=400)


@require_http_methods(["GET", "POST"])
def not_now(request: HttpRequest, token: str) -> HttpResponse:
    try:
        organisation, kind = nudge_snooze_for_link(token)
    except BadNudgeLink as problem:
        return _problem(request, problem)
    what = NudgeKind(kind).label
    if request.method == "POST":
        snooze(organisation, kind, timezone.now())
        return render(request, PAGE, {"done": _(
            "Done: reminders about %(what)s to %(organisation)s are paused for thirty days.") % {
            "what": what, "organisation": organisation.name}})
    return render(request, PAGE, {"question": _(
        "Pause for thirty days the reminders about %(what)s to %(organisation)s?") % {
        "what": what, "organisation": organisation.name}, "button": _("Not now")})


@require_http_methods(["GET", "POST"])
def stop(request: HttpRequest, token: str) -> HttpResponse:
    try:
        person = person_for_opt_out_link(token)
    except BadNudgeLink as problem:
        return _problem(request, problem)
    if request.method == "POST":
        opt_out(person)
        return render(request, PAGE, {"done": _(
            "Done: %(name)s will get no more reminders from the groups.") % {
            "name": person.name}})
    return render(request, PAGE, {"question": _(
        "No more reminders for %(name)s? The group's own mail still comes.") % {
        "name": person.name}, "button": _("No more reminders")})


@require_POST
def switch(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = group_for_mentor(request, slug)
    on = request.POST.get("nudges") == "on"
    set_nudges(group, on)
    messages.success(request, _("This group's organisations will get reminders again.") if on
                     else _("This group's organisations will get no more reminders."))
    return redirect("mentoring:group", slug)
