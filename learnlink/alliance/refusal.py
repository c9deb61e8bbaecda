"""The page a signed-in person gets when `permissions` refuses them something they can see:
it names who may, so they know whom to ask."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learnlink.alliance.permissions import Refused

View = Callable[..., HttpResponse]


def shows_refusal(view: View) -> View:
    """Renders a `Refused` raised by the view's permission check as a 403 page."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            return render(request, "alliance/refused.html", {
                "alliance": refused.alliance, "reason": refused.reason}, status=403)

    return checked
