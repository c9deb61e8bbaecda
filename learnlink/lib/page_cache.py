"""The busiest pages served again to guests from the cache, and a validator for every reader.

Most readers of an archive are signed out, and all of them see the same page of a thread in a
language: it is rendered once, kept in the cache (Redis, which every web node shares) and
served again until what it shows changes. A page names generations, tokens the apps replace
(`forget`) when something the page shows changes: a kept page rendered under other tokens is
rendered again, never a scan for the pages to drop; a page rendered while a token changed is
kept with the old one, and rendered again for the next guest. Other things a page shows (a
mentor's block under a thread, the home page's figures) reach guests within GUEST_SECONDS.

Only a guest's page is kept: no session, no messages to show, nothing to set but the CSRF
cookie. Every page carries the language form's CSRF token, which belongs to one browser: the
kept page holds a blank in its place, filled with the reader's own token when served.

Every reader's page gets an ETag: a hash of what the page shows, the tokens blanked, so two
readers share a validator only when their pages are the same; `ConditionalGetMiddleware`
answers 304 when the browser holds that page already. Callers build the page only after
their permission check, so neither the page nor a 304 reaches a reader who may not see it.
The pages stay `private`: the token in them is one browser's.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import quote_etag
from django.utils.translation import get_language

GUEST_SECONDS = 60

# Cookies a guest's page may be read with: the language chosen, the CSRF token's secret.
_GUEST_COOKIES = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}

_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
_BLANK = b'name="csrfmiddlewaretoken" value="\x00"'


def served(request: HttpRequest, render: Callable[[], HttpResponse],
           generations: Sequence[str], *parts: object) -> HttpResponse:
    """The page `render` makes for this reader: a guest's from the cache when kept under the
    page's address, language and `parts` (what else tells its versions apart), with the
    current tokens of `generations`. Call it after the view's permission check."""
    if not _is_guest(request):
        return _validated(render())
    key = _key(request, parts)
    found = cache.get_many([key, *generations])  # one trip to Redis for a page served again
    tokens = _tokens(found, generations)
    page: _Page | None = found.get(key)
    if page is None or page.tokens != tokens:
        response = render()
        if request.method != "GET" or response.status_code != 200 or response.streaming \
                or response.cookies:
            return _validated(response)
        page = _Page.of(response, tokens)
        cache.set(key, page, GUEST_SECONDS)
    return page.response(request)


def forget(names: Sequence[str]) -> dict[str, str]:
    """New tokens for these generations (returned): the pages kept under the old ones are not
    served again."""
    tokens = {name: secrets.token_hex(8) for name in names}
    cache.set_many(tokens, None)
    return tokens


def _is_guest(request: HttpRequest) -> bool:
    return (request.method in ("GET", "HEAD") and not request.user.is_authenticated
            and request.COOKIES.keys() <= _GUEST_COOKIES)


def _key(request: HttpRequest, parts: Sequence[object]) -> str:
    named = "\n".join([request.get_full_path(), get_language(), *map(str, parts)])
    return f"guest-page:{hashlib.blake2b(named.encode(), digest_size=16).hexdigest()}"


def _tokens(found: dict[str, object], generations: Sequence[str]) -> tuple[object, ...]:
    """The generations' current tokens; a new one for any never set or evicted, so that no
    page kept before is served."""
    missing = [name for name in generations if name not in found]
    if missing:
        found = {**found, **forget(missing)}
    return tuple(found[name] for name in generations)


@dataclass(frozen=True)
class _Page:
    """A guest's page as kept: its CSRF tokens blanked, its ETag, and the generations' tokens
    it was rendered under."""

    content: bytes
    content_type: str
    etag: str
    tokens: tuple[object, ...]

    @classmethod
    def of(cls, response: HttpResponse, tokens: tuple[object, ...]) -> _Page:
        content = _TOKEN.sub(_BLANK, response.content)
        return cls(content, response["Content-Type"], _etag(content), tokens)

    def response(self, request: HttpRequest) -> HttpResponse:
        content = self.content
        if _BLANK in content:
            content = content.replace(_BLANK, b'name="csrfmiddlewaretoken" value="%s"'
                                      % get_token(request).encode())
        return _headed(HttpResponse(content, content_type=self.content_type), self.etag)


def _validated(response: HttpResponse) -> HttpResponse:
    """A signed-in reader's page (or a guest's that is not kept) with its ETag."""
    if response.status_code != 200 or response.streaming:
        return response
    return _headed(response, _etag(_TOKEN.sub(_BLANK, response.content)))


def _etag(content: bytes) -> str:
    return quote_etag(hashlib.blake2b(content, digest_size=16).hexdigest())


def _headed(response: HttpResponse, etag: str) -> HttpResponse:
    """Browsers keep the page and ask each time whether it changed (a 304 when not); shared
    caches never keep it. Another cookie or language is another page."""
    response["ETag"] = etag
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response
