"""Links other apps put on a group's page, for the readers they are for: a group's learning
agenda, its contracts, its contract monitor. The exchange depends on no app above it; those apps
register a link here (from their AppConfig.ready), each with the rule of its own permissions
module, and the group's page shows the ones its reader may open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from learnlink.exchange.models import Group
from learnlink.exchange.permissions import AnyUser


@dataclass(frozen=True)
class Link:
    """A page named `view` that takes the group's slug, shown to whom `may(user, group)`."""

    key: str
    label: str | Promise
    view: str
    may: Callable[[AnyUser, Group], bool]
    for_guests: bool = False  # shown to a guest too (a public group's files), if `may`


_LINKS: dict[str, Link] = {}


def register(link: Link) -> None:
    _LINKS[link.key] = link


def shown(user: AnyUser, group: Group) -> list[tuple[str | Promise, str]]:
    """(label, address) of the links this reader may open, in registration order. Most are
    for members, so a guest is asked only about the few that are also for guests."""
    return [(link.label, reverse(link.view, args=[group.slug]))
            for link in _LINKS.values()
            if (user.is_authenticated or link.for_guests) and link.may(user, group)]
