"""How often one address, or one client, may try something: sign in, ask for a link, send a
command or a search by mail. Without a limit, fifty link requests in two seconds queued fifty
mails, and a password could be guessed as fast as the server answered.

A fixed window per key, counted in Django's cache: Redis when REDIS_URL is set (every process
shares the counts), else each process's memory, which is right on one machine, where one process
serves the web and one worker answers mail. Keys are hashed: no address is stored in the cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    """At most `per_address` attempts for one address and `per_client` for one client (an IP
    address on the web, an envelope sender by mail) within `seconds`."""

    name: str
    per_address: int
    per_client: int
    seconds: int

    @classmethod
    def named(cls, name: str) -> Limit:
        per_address, per_client, seconds = settings.LEARNLINK_LIMITS[name]
        return cls(name, per_address, per_client, seconds)

    @property
    def minutes(self) -> int:
        return max(1, self.seconds // 60)

    def _keys(self, address: str, client: str) -> list[tuple[str, int]]:
        return [(self._key("address", address), self.per_address),
                (self._key("client", client), self.per_client)]

    def _key(self, kind: str, value: str) -> str:
        digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
        return f"limit:{self.name}:{kind}:{digest}"

    def reached(self, address: str, client: str) -> bool:
        """True when either has used all its attempts; counts nothing."""
        return any(cache.get(key, 0) >= allowed for key, allowed in self._keys(address, client))

    def count(self, address: str, client: str) -> int:
        """Count one attempt for both; how far over the limit this attempt is (0: within, 1:
        the first one refused, so a caller can say so once and then stay quiet)."""
        over = 0
        for key, allowed in self._keys(address, client):
            cache.add(key, 0, timeout=self.seconds)
            try:
                used = cache.incr(key)
            except ValueError:  # the window ended between add and incr
                cache.set(key, 1, timeout=self.seconds)
                used = 1
            over = max(over, used - allowed)
        return over


def client_address(request: HttpRequest) -> str:
    """The visitor's IP address: REMOTE_ADDR, or, behind LEARNLINK_PROXY_COUNT trusted proxies,
    the address the first of them saw (X-Forwarded-For read from the right: what the visitor
    wrote on the left is not believed)."""
    proxies = settings.LEARNLINK_PROXY_COUNT
    forwarded = [part.strip() for part in
                 request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR", ""))
