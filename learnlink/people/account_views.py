"""Sign-in pages: password, or a one-time link by email."""

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.people.accounts import account_for, user_from_login_token
from learnlink.people.address_links import BadAddressLink, use_address_link
from learnlink.people.addresses import current_holder
from learnlink.people.forms import LoginLinkForm
from learnlink.people.tasks import send_login_link


class PasswordLoginView(LoginView):
    template_name = "people/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        return {**super().get_context_data(**kwargs), "link_form": LoginLinkForm()}


@require_POST
def request_login_link(request: HttpRequest) -> HttpResponse:
    """Queue a link for a known address; say the same either way, so addresses stay private."""
    form = LoginLinkForm(request.POST)
    if not form.is_valid():
        return render(request, "people/login.html", {"link_form": form}, status=400)
    address = form.cleaned_data["email"]
    person = current_holder(address)
    if person is not None:
        user = account_for(person)
        send_login_link(user.pk, address, get_language())
    return redirect("login_link_sent")


def login_link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "people/login_link_sent.html",
                  {"minutes": settings.LOGIN_LINK_MAX_AGE // 60})


@require_http_methods(["GET", "POST"])
def use_login_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET only asks to confirm: mail scanners open links, and must not use up the token."""
    user = user_from_login_token(token)
    if user is None:
        return render(request, "people/login_link_invalid.html", status=400)
    if request.method == "POST":
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("home")
    return render(request, "people/login_link_confirm.html", {"account": user})


def address_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a probe or new-address mail: opening it is the proof (see address_links)."""
    try:
        record = use_address_link(token)
    except BadAddressLink as problem:
        return render(request, "people/address_link.html", {"problem": str(problem)},
                      status=400)
    return render(request, "people/address_link.html", {"record": record})
