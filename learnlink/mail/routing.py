"""Who takes mail for which address. `mail` is transport only: the apps that own addresses
(exchange for groups, later search@ and sales@) register a route when Django starts, and the
server asks the routes whether to accept a recipient and hands stored messages to them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from learnlink.mail.models import InboundMessage


@dataclass(frozen=True)
class Route:
    name: str
    accepts: Callable[[str, str], bool]  # (local part, domain) -> bool
    process: Callable[[InboundMessage], None]


_routes: list[Route] = []


def register(route: Route) -> None:
    """Called from an AppConfig.ready(); registering the same name twice replaces it."""
    _routes[:] = [r for r in _routes if r.name != route.name]
    _routes.append(route)


def split_address(address: str) -> tuple[str, str]:
    local, _at, domain = address.strip().strip("<>").rpartition("@")
    return local.lower(), domain.lower()


def route_for(address: str) -> Route | None:
    """The route that takes mail for `address`; None means 550 at RCPT time."""
    local, domain = split_address(address)
    if not local or domain != settings.LEARNLINK_MAIL_DOMAIN.lower():
        return None
    return next((r for r in _routes if r.accepts(local, domain)), None)
