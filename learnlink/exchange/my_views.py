"""My Learnlink (/me/): where signing in lands. The page, and one small POST view per change:
delivery mode, when a moderator hears of held messages, leaving a group, the person's language,
restarting mail that bounces stopped.
Each change says what it did, in the person's language, and a change an email command can
also make is confirmed by mail as that command's would be."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.exchange.forms import HeldNoticesForm, ModeForm
from learnlink.exchange.models import DeliveryMode
from learnlink.exchange.my_page import my_addresses, my_groups
from learnlink.exchange.permissions import own_membership
from learnlink.exchange.subscriptions import (
    choose_held_notices,
    choose_mode,
    choose_plain_text,
    leave,
    member_address,
)
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.people.addresses import enable
from learnlink.people.forms import LanguageForm
from learnlink.people.permissions import own_person, own_stopped_address, signed_in_person
from learnlink.people.person_language import forget_choice, language_of, set_language


def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = signed_in_person(request)
    return render(request, "exchange/me.html", {
        "person": person,
        "groups": my_groups(person) if person else [],
        "addresses": my_addresses(person) if person else [],
        "language_form": LanguageForm(initial={
            "language": language_of(person) or translation.get_language()}),
    })


@require_POST
def mode(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = own_membership(request, slug)
    form = ModeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing changed: choose one of the ways mail can arrive."))
        return redirect("me:home")
    plain_changed = choose_plain_text(membership, form.cleaned_data["plain_text"])
    if plain_changed:
        messages.success(request, (_("%(group)s: digests now come as plain text only.")
                                   if membership.plain_text else
                                   _("%(group)s: digests now come as text and HTML."))
                         % {"group": membership.group.name})
    if choose_mode(membership, form.cleaned_data["mode"]):
        messages.success(request, _("%(group)s: from now on you receive: %(mode)s.") % {
            "group": membership.group.name,
            "mode": DeliveryMode(form.cleaned_data["mode"]).label})
    elif not plain_changed:
        messages.info(request, _("%(group)s: nothing changed, you already receive: %(mode)s.")
                      % {"group": membership.group.name, "mode": membership.get_mode_display()})
    return redirect("me:home")


@require_POST
def held_notices(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = own_membership(request, slug)
    form = HeldNoticesForm(request.POST)
    if not membership.moderates or not form.is_valid():
        messages.error(request, _("Nothing changed: choose when you hear of held messages."))
        return redirect("me:home")
    if choose_held_notices(membership, form.cleaned_data["held_notices"]):
        messages.success(request, _("%(group)s: you will hear of held messages: %(when)s.") % {
            "group": membership.group.name, "when": membership.get_held_notices_display()})
    return redirect("me:home")


@require_POST
def leave_group(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = own_membership(request, slug)
    group = membership.group
    leave(membership, member_address(membership))
    messages.success(request, _("You have left %(name)s. To come back one day, write to "
                                "%(address)s") % {"name": group.name,
                                                  "address": group.command_address("subscribe")})
    return redirect("me:home")


@require_POST
def restart(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Its owner says the address works again: mail goes there again, its bounces forgotten."""
    record = own_stopped_address(request, pk)
    enable(record)
    messages.success(request, _("Learnlink sends your mail to %(address)s again.")
                     % {"address": record.address})
    return redirect("me:home")


@require_POST
def language(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = own_person(request)
    form = LanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing changed: choose one of the languages offered."))
        return redirect("me:home")
    code = form.cleaned_data["language"]
    set_language(person, code)
    forget_choice(request)
    translation.activate(code)
    messages.success(request, _("Learnlink now speaks %(language)s to you, on these pages and "
                                "in its mail.") % {"language": dict(settings.LANGUAGES)[code]})
    return redirect("me:home")
