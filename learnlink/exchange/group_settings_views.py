"""A group's settings page. Permission: the group's mentors and owners, the network's mentors
and staff (`permissions.group_for_moderator`, checked first); `group_settings` changes."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from learnlink.exchange.group_settings import change_settings, recent_changes
from learnlink.exchange.group_settings_form import GroupSettingsForm
from learnlink.exchange.permissions import group_for_moderator
from learnlink.lib.requests import AuthenticatedHttpRequest


def group_settings(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    group = group_for_moderator(request, slug)
    # The form fills in its instance as it validates: a copy, so that the change is the
    # action's to make and to record, old values and new.
    form = GroupSettingsForm(request.POST or None, instance=copy.copy(group))
    if request.method == "POST" and form.is_valid():
        if change_settings(group, request.user, **form.changes()):
            messages.success(request, _("The group's settings are saved."))
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect("exchange:settings", slug)
    return render(request, "exchange/group_settings.html", {
        "group": group, "form": form, "changes": recent_changes(group)})
