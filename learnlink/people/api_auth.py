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


def api_user_for_change(request: HttpRequest) -> User | AnonymousUser:
    """For an endpoint that changes something: the token's user, as `api_user`; or the
    session's, if the request carries the session's CSRF token too. Django ninja exempts its
    views from Django's own check, so without this a page elsewhere could make a signed-in
    browser change things."""
    if request.headers.get("Authorization"):
        return api_user(request)
    if request.user.is_authenticated and check_csrf(request) is not None:
        raise HttpError(403, "send the csrftoken cookie's value as X-CSRFToken, or use a token")
    return request.user
