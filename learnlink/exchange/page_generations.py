"""What the guests' kept pages (`lib/page_cache`) of the archive are kept under, and when they
are dropped: a group's pages (its page, its months, its threads) when one of its threads
changes or its settings do; the site's pages (the home page, search) when any group's do.

A new message is the common change: the archive tells us when it stores one (`archived`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction

from learnlink.exchange.models import Group, Message
from learnlink.lib.page_cache import forget

SITE = "pages:site"


def of_group(group: Group) -> list[str]:
    """The generations a group's pages are kept under."""
    return [f"pages:group:{group.pk}"]


def forget_groups(group_pks: Iterable[int]) -> None:
    """Guests see these groups' pages, and the site's, afresh: at once, for this process's
    next page inside a longer transaction, and again once it is committed, for a guest's page
    another process read before the commit and kept under the new tokens."""
    names = [*(f"pages:group:{pk}" for pk in set(group_pks)), SITE]
    forget(names)
    transaction.on_commit(lambda: forget(names))


def forget_site() -> None:
    """Guests see the site's pages (the home page, search) afresh: another app published or
    withdrew what they show."""
    forget_groups([])


def archived(group: Group, messages: Sequence[Message]) -> None:
    """The archive's hook: messages were stored in the group."""
    forget_groups([group.pk])
