"""The moderators' members page: each member's role, delivery, last post and whether the group's
mail reaches them; changing a role, holding a member's posts, and inviting many addresses from a
spreadsheet. Apart from the members' own list (member_list_views), which every member reads and
which shows none of this. Permission: the group's moderators, the network's mentors and staff
(`permissions.group_for_moderator`, or `membership_for_moderator` for one member, checked first);
an owner's role only for the group's owners and staff.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learnlink.exchange.forms import HoldForm, InvitationsUpload, RoleForm
from learnlink.exchange.invitations import COLUMNS, MAX_ROWS, invite_from_spreadsheet
from learnlink.exchange.member_actions import hold_posts, set_role
from learnlink.exchange.permissions import (
    group_for_moderator,
    manages_owners,
    membership_for_moderator,
    roles_to_give,
)
from learnlink.lib.requests import AuthenticatedHttpRequest


def manage(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    team = group_for_moderator(request, slug)
    page = Paginator(team.memberships.for_moderators(), settings.LEARNLINK_PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "exchange/members_manage.html", {
        "group": team, "page": page, "roles": roles_to_give(request.user, team),
        "manages_owners": manages_owners(request.user, team)})


@require_POST
def change_role(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = membership_for_moderator(request, slug, pk)
    form = RoleForm(request.POST, roles=roles_to_give(request.user, membership.group))
    if not form.is_valid():
        messages.error(request, _("Only the group's owners make someone an owner."))
    elif set_role(membership, form.cleaned_data["role"]):
        messages.success(request, _("%(member)s is now %(role)s.") % {
            "member": membership.member, "role": membership.get_role_display()})
    return redirect("exchange:members_manage", slug)


@require_POST
def hold(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = membership_for_moderator(request, slug, pk)
    form = HoldForm(request.POST)
    if form.is_valid() and hold_posts(membership, form.cleaned_data["hold"]):
        messages.success(request, (
            _("What %(member)s sends now waits for a mentor.") if membership.hold_posts
            else _("What %(member)s sends is no longer held.")) % {"member": membership.member})
    return redirect("exchange:members_manage", slug)


def invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    team = group_for_moderator(request, slug)
    form = InvitationsUpload(request.POST or None, request.FILES or None)
    errors: list[str] = []
    inviter = getattr(request.user, "person", None)
    if request.method == "POST" and inviter is None:
        errors = [_("An invitation says who sent it: your account needs its person in the "
                    "directory first.")]
    elif inviter is not None and form.is_valid():
        with form.saved_file() as path:
            report = invite_from_spreadsheet(team, path, inviter)
        if not report.errors:
            messages.success(request, ngettext(
                "%(count)d invitation sent.", "%(count)d invitations sent.", report.sent)
                % {"count": report.sent})
            if report.members:
                messages.info(request, _("Already members, not invited: %(addresses)s") % {
                    "addresses": ", ".join(report.members[:50])})
            return redirect("exchange:members_manage", slug)
        errors = report.errors
    return render(request, "exchange/invite.html", {
        "group": team, "form": form, "errors": errors, "columns": COLUMNS,
        "max_rows": MAX_ROWS}, status=400 if errors else 200)
