"""The request a view gets once someone is signed in (as healthchecks' AuthenticatedHttpRequest).

A view annotates its request with this type when `login_required`, or the permission function
on its first line, has already sent every guest away: `request.user` is then a `User`, and the
services it is handed to need no cast. The type is only a promise to the checker; the check
that keeps it is the view's first line.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    user: User
