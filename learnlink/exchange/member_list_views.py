"""The group's member list, its two circles apart. Permission: the group's members, the
network's mentors and staff (`permissions.group_for_member`, checked first). What moderators
see and change of each member (delivery, bounces, role, held posts) is on a page of its own,
member_manage_views, so this one stays the same light list for every member."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learnlink.exchange.circles import inner_circle, outer_circle
from learnlink.exchange.permissions import can_moderate, group_for_member


def members(request: HttpRequest, slug: str) -> HttpResponse:
    team = group_for_member(request, slug)
    size = settings.LEARNLINK_PAGE_SIZE
    return render(request, "exchange/members.html", {
        "group": team, "moderator": can_moderate(request.user, team),
        "inner": Paginator(inner_circle(team), size).get_page(request.GET.get("page")),
        "outer": Paginator(outer_circle(team), size).get_page(request.GET.get("observers"))})
