"""Sign-in pages (password, or a one-time link by email), and a person's own address: asked
for signed in, confirmed from the new mailbox, undone from the old one. Sign-in is limited per
address and per client (lib.limits): a refusal says so and when to try again, for a known or
unknown address alike, so the limit tells nobody which addresses have accounts."""

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language

from learnlink.lib.limits import Limit, client_address
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.people.accounts import account_for, person_from_login_token
from learnlink.people.address_changes import (
    AddressTaken,
    ask_for_address,
    undo_address_change,
    undo_target,
    use_address_link,
)
from learnlink.people.address_links import BadAddressLink
from learnlink.people.addresses import current_holder
from learnlink.people.forms import LoginLinkForm, NewAddressForm
from learnlink.people.permissions import own_person
from learnlink.people.person_language import forget_choice, language_of, remember_choice
from learnlink.people.tasks import send_login_link

TOO_MANY = 429
NEXT = "learnlink_after_sign_in"


class PasswordLoginView(LoginView):
    """Failed passwords are counted; past the limit the password is not even checked."""

    template_name = "people/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        return {**super().get_context_data(**kwargs), "link_form": LoginLinkForm()}

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        limit, name = Limit.named("sign-in"), request.POST.get("username", "")
        if limit.reached(name, client_address(request)):
            # An unbound form: a bound one would check the password when showing its errors.
            form = AuthenticationForm(request, initial={"username": name})
            refusal = _("Too many failed sign-ins for this address or from this network. "
                        "Wait %(minutes)s minutes, or ask for a sign-in link by email.") % {
                "minutes": limit.minutes}
            return self.render_to_response(
                self.get_context_data(form=form, refusal=refusal), status=TOO_MANY)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        Limit.named("sign-in").count(self.request.POST.get("username", ""),
                                     client_address(self.request))
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        forget_choice(self.request)
        return response


def _safe_next(request: HttpRequest) -> str:
    """The page a guest was sent from (a member-only page), if it is one of ours."""
    target = request.POST.get("next", "")
    ours = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure())
    return target if ours else ""


@require_POST
def request_login_link(request: HttpRequest) -> HttpResponse:
    """Queue a link for a known address; say the same either way, so addresses stay private."""
    form = LoginLinkForm(request.POST)
    if not form.is_valid():
        return render(request, "people/login.html", {"link_form": form}, status=400)
    address = form.cleaned_data["email"]
    limit = Limit.named("login-link")
    if limit.count(address, client_address(request)):
        form.add_error("email", _(
            "Too many sign-in links were asked for this address or from this network. Use "
            "the last link you received, or wait %(minutes)s minutes.")
            % {"minutes": limit.minutes})
        return render(request, "people/login.html", {"link_form": form}, status=TOO_MANY)
    person = current_holder(address)
    if person is not None:
        send_login_link(person.pk, address, language_of(person) or get_language())
    # The link may be opened in this browser: it then leads back to the page asked for.
    if target := _safe_next(request):
        request.session[NEXT] = target
    return redirect("login_link_sent")


def login_link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "people/login_link_sent.html",
                  {"minutes": settings.LOGIN_LINK_MAX_AGE // 60})


@require_http_methods(["GET", "POST"])
def use_login_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET only asks to confirm: mail scanners open links, and must not use up the token. The
    account of a person who had none is made here, by the one who holds the link."""
    person = person_from_login_token(token)
    if person is None:
        return render(request, "people/login_link_invalid.html", status=400)
    if request.method == "POST":
        login(request, account_for(person), backend=settings.AUTHENTICATION_BACKENDS[0])
        forget_choice(request)
        return redirect(request.session.pop(NEXT, "") or settings.LOGIN_REDIRECT_URL)
    return render(request, "people/login_link_confirm.html", {"person": person})


def address_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a probe or new-address mail: opening it is the proof (see address_links)."""
    try:
        record = use_address_link(token, get_language())
    except BadAddressLink as problem:
        return render(request, "people/address_link.html", {"problem": str(problem)},
                      status=400)
    return render(request, "people/address_link.html", {"record": record})


@login_required
@require_http_methods(["GET", "POST"])
def change_address(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Signed in, a person asks for mail at a new address; a link goes there to confirm it."""
    person = own_person(request)
    form = NewAddressForm(request.POST if request.method == "POST" else None)
    sent_to = ""
    if form.is_valid():
        try:
            ask_for_address(person, form.cleaned_data["address"], get_language())
            sent_to = form.cleaned_data["address"]
        except AddressTaken:
            form.add_error("address", _("This address is already used by someone else in "
                                        "Learnlink: ask your group's mentor."))
    return render(request, "people/change_address.html", {
        "form": form, "sent_to": sent_to, "current": person.primary_address()})


@require_http_methods(["GET", "POST"])
def address_undo(request: HttpRequest, token: str) -> HttpResponse:
    """The link mailed to an old address: GET asks (mail scanners open links), POST undoes."""
    try:
        _person, old, new = undo_target(token)
        if request.method == "POST":
            return render(request, "people/address_undo.html",
                          {"record": undo_address_change(token)})
    except BadAddressLink as problem:
        return render(request, "people/address_undo.html", {"problem": str(problem)},
                      status=400)
    return render(request, "people/address_undo.html", {"old": old, "new": new})


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """The language buttons (Django's switch), remembered for the session: from then on the
    visitor's choice wins over a signed-in person's profile language."""
    remember_choice(request)
    return set_language(request)
