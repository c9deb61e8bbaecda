"""What a practice's page shows of its journey: the table's rows, the timeline, the graph from
origin to adopters, and the map, all drawn on the server from one `Diffusion` (no script)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from learnlink.knowledge.diffusion import Adoption, Diffusion, Origin, graph_svg, timeline_html
from learnlink.knowledge.maps import Dot, map_svg
from learnlink.knowledge.maps.drawing import ADOPTER, ORIGIN


@dataclass(frozen=True)
class Row:
    date: datetime.date
    organisation: str
    where: str
    status: str
    channel: str
    adaptation: str


def rows(diffusion: Diffusion) -> list[Row]:
    """The diffusion table: the origin first, then each adoption by date."""
    origin = diffusion.origin
    return [Row(origin.date, origin.organisation, _where(origin.place, origin.country),
                _("origin"), "", ""),
            *(Row(a.date, a.organisation, _where(a.place, a.country), diffusion.label(a.status),
                  diffusion.label(a.channel), a.adaptation) for a in diffusion.adoptions)]


def _where(place: str, country: str) -> str:
    return f"{place}, {country}" if place and country and country != place else place


def drawings(diffusion: Diffusion) -> dict[str, SafeString | None]:
    """The timeline, the graph and the map (None when no place of it has coordinates). The
    drawing packages escape every name they put in their markup."""
    steps: list[tuple[Origin | Adoption, str]] = [
        (diffusion.origin, ORIGIN), *((a, ADOPTER) for a in diffusion.adoptions)]
    dots = [Dot(step.organisation, step.latitude, step.longitude, kind, step.country)
            for step, kind in steps if step.latitude is not None and step.longitude is not None]
    return {"timeline": mark_safe(timeline_html(diffusion, heading=4)),  # noqa: S308 (escaped inside)
            "graph": mark_safe(graph_svg(diffusion)),  # noqa: S308 (escaped inside)
            "map": map_svg(dots, diffusion.practice_title) if dots else None}
