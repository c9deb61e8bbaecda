"""Who is calling the API: a signed-in browser session, or `Authorization: Bearer TOKEN`."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.utils import check_csrf

from learnlink.people.models import ApiToken


def api_user(request: HttpRequest) -> User | AnonymousUser:
    """The session's user, else the token's; a token that is wrong is an error, not anonymous."""
    header = request.headers.get("Authorization", "")
    if not header:
        return request.user
    scheme, _space, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HttpError(401, "use: Authorization: Bearer TOKEN")
    record = ApiToken.objects.select_related("user").filter(digest=ApiToken.hash(token)).first()
    if record is None or not record.user.is_active:
        raise HttpError(401, "unknown or revoked token")
    record.last_used = timezone.now()
    record.save(update_fields=["last_used"])
    return record.user


def api_writer(request: HttpRequest) -> User | AnonymousUser:
    """Who asks for a change (POST): a token's user, or a browser session that sends the CSRF
    token as a form does. The API's views are exempt from Django's CSRF check, and a session
    alone would let any other site post in its user's name."""
    if request.headers.get("Authorization"):
        return api_user(request)
    if request.user.is_authenticated and check_csrf(request) is not None:
        raise HttpError(403, "send the CSRF token (X-CSRFToken), or use Authorization: Bearer")
    return request.user
