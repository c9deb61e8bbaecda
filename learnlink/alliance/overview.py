"""What the dashboard, the printable report and the export all start from: the alliance's goal,
objectives, partners and cycles, and the cycle it is in today."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from learnlink.alliance.models import Alliance, Cycle, Objective, Partner
from learnlink.alliance.sections import Section, sections


@dataclass(frozen=True)
class Block:
    """A registered section with its context, ready to render."""

    section: Section
    context: dict[str, Any]


def current_cycle(alliance: Alliance, today: datetime.date | None = None) -> Cycle | None:
    """The cycle running today; before the first or after the last, the nearest one."""
    today = today or timezone.localdate()
    cycles = alliance.cycles.all()
    return (cycles.filter(start__lte=today, end__gte=today).first()
            or cycles.filter(start__gt=today).order_by("start").first()
            or cycles.order_by("-end").first())


def overview(alliance: Alliance) -> dict[str, Any]:
    partners = Partner.objects.of(alliance).select_related("country")
    return {
        "alliance": alliance,
        "objectives": Objective.objects.filter(alliance=alliance).select_related(
            "partner__organisation", "stated_by"),
        "partners": partners,
        "cycles": alliance.cycles.prefetch_related("stages"),
        "current": current_cycle(alliance),
    }


def blocks(alliance: Alliance) -> list[Block]:
    return [Block(section, section.context(alliance)) for section in sections()]
