"""The mentor dashboard's pages. Each view asks `mentoring.permissions` first: a guest is sent
to sign in, anyone who mentors nothing (or not this group) gets 404."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.exchange.models import Group
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mentoring.dashboard.forms import AnswerDaysForm
from learnlink.mentoring.dashboard.questions import answer_days, set_answer_days
from learnlink.mentoring.dashboard.sections import sections
from learnlink.mentoring.nudges.settings import nudges_on
from learnlink.mentoring.permissions import (
    followed_groups,
    group_for_mentor,
    mentor_or_refuse,
    reads_network_monitor,
)


def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What needs a mentor now across every group they follow."""
    mentor_or_refuse(request)
    groups = followed_groups(request.user)
    followed = Paginator(groups.order_by("name").only("slug", "name"),
                         settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("groups"))
    return render(request, "mentoring/dashboard/dashboard.html", {
        "sections": sections(groups, timezone.now(), request.GET), "followed": followed,
        "network_monitor": reads_network_monitor(request.user)})


def group_dashboard(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The same for one group, with the group's settings."""
    group = group_for_mentor(request, slug)
    return render(request, "mentoring/dashboard/dashboard.html", {
        "group": group, "form": AnswerDaysForm(initial={"answer_days": answer_days(group)}),
        "nudges_on": nudges_on(group),
        "sections": sections(Group.objects.filter(pk=group.pk), timezone.now(), request.GET)})


@require_POST
def group_settings(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = group_for_mentor(request, slug)
    form = AnswerDaysForm(request.POST)
    if form.is_valid():
        days = form.cleaned_data["answer_days"]
        set_answer_days(group, days)
        messages.success(request, _("Questions of this group now show after %(days)d days "
                                    "without an answer.") % {"days": days})
    else:
        messages.error(request, _("Give a number of days from 1 to 90."))
    return redirect("mentoring:group", slug)
