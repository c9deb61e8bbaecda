"""The network report read from the database: every reported practice's journey
(`permissions.reported_practices`) in a fixed number of queries, measured by the diffusion
package, and the discussion threads that led groups to take a practice up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from learnlink.exchange.models import Group
from learnlink.knowledge import permissions
from learnlink.knowledge.diffusion import Diffusion, Reach, channel_counts, reach, report_order
from learnlink.knowledge.diffusion.records import TOOK_IT_UP
from learnlink.knowledge.journeys import Places, diffusions_of
from learnlink.knowledge.models import Adoption, Channel

LEADING_THREADS = 10


@dataclass(frozen=True)
class Network:
    diffusions: dict[int, Diffusion]  # by practice id, in the report's order
    reaches: list[tuple[int, Reach]]  # each practice's id and reach, furthest first

    def fastest(self, count: int) -> list[tuple[int, Reach]]:
        measured = [pair for pair in self.reaches if pair[1].km_per_year is not None]
        return sorted(measured, key=lambda pair: -(pair[1].km_per_year or 0.0))[:count]

    def channels(self) -> list[tuple[str, int]]:
        """Each channel's words and how many adoptions it led to, most first."""
        labels = dict(Channel.choices)
        return [(str(labels.get(channel, channel)), count)
                for channel, count in channel_counts(self.diffusions.values())]


def network() -> Network:
    """Three queries and the places once, for any number of practices."""
    originals = dict(permissions.reported_practices().values_list("pk", "title"))
    found = diffusions_of(originals, Places())
    reaches = sorted(((pk, reach(diffusion)) for pk, diffusion in found.items()),
                     key=lambda pair: report_order(pair[1]))
    return Network({pk: found[pk] for pk, _reach in reaches}, reaches)


def leading_threads(groups: QuerySet[Group]) -> list[Mapping[str, object]]:
    """The threads (of `groups`, those the reader may read) through which most groups took a
    reported practice up, with how many did: one query."""
    return list(Adoption.objects.filter(
        practice__in=permissions.reported_practices(), status__in=TOOK_IT_UP,
        thread__group__in=groups)
        .values("thread_id", "thread__subject", "thread__group__slug", "thread__group__name")
        .annotate(adoptions=Count("pk")).order_by("-adoptions", "thread_id")[:LEADING_THREADS])
