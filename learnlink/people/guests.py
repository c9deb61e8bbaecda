"""A guest on a page for members is sent to sign in, and back to the page afterwards.

Apps' permission helpers call `refuse(request)` where they used to answer 404: a guest is
asked to sign in, a signed-in person who may not see the page still gets 404. A guest is sent
to sign in whether the private thing exists or not (an unknown group's address too), so the
redirect says nothing a 404 would not; only after signing in does a member see it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse


class SignInRequired(Exception):
    """Raised by a permission check for a guest; the middleware turns it into a redirect."""


def refuse(request: HttpRequest) -> NoReturn:
    if not request.user.is_authenticated:
        raise SignInRequired
    raise Http404


class SignInRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest,
                          exception: Exception) -> HttpResponse | None:
        if isinstance(exception, SignInRequired):
            return redirect_to_login(request.get_full_path())
        return None
