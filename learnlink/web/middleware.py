"""A Content-Security-Policy on every HTML page, and no NUL character in a request's address.

Our pages need nothing but themselves: one stylesheet file, no script, no inline style, images
from the site (and the empty `data:` icon). So a script or style that slipped into a page (a
mail's HTML the sanitiser missed, say) does not run. Django's admin keeps one inline `<style>`
and its scripts set inline styles, so its pages also allow inline styles, and only those.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

POLICY = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
          "form-action 'self'; frame-ancestors 'none'")
ADMIN_POLICY = f"{POLICY}; style-src 'self' 'unsafe-inline'"
HEADER = "Content-Security-Policy"


class ContentSecurityPolicy:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html") and HEADER not in response:
            match = request.resolver_match
            response[HEADER] = ADMIN_POLICY if match and match.app_name == "admin" else POLICY
        return response


class RefuseNulCharacters:
    """A NUL character in the path or the query is refused (400) before any view sees it:
    PostgreSQL cannot compare text with one, so a filter of `?lang=%00` was a server error on
    PostgreSQL alone (schemathesis found it in the API). Django's forms refuse NUL in fields;
    this covers the parameters that views and the API read without a form."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any("\x00" in name or "\x00" in "".join(values)
                                         for name, values in request.GET.lists()):
            return HttpResponseBadRequest(_("NUL characters are not allowed in an address."),
                                          content_type="text/plain; charset=utf-8")
        return self.get_response(request)
