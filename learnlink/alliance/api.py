"""The alliance app's JSON API: alliances the caller may see, as the web shows them."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from learnlink.alliance.costs.ledger import Balance, balances, totals
from learnlink.alliance.permissions import (
    insiders_alliance,
    readable_alliance,
    visible_alliances,
)
from learnlink.alliance.planning.accountability import board
from learnlink.people.api_auth import api_user

router = Router(tags=["alliance"])


class AllianceItem(Schema):
    slug: str
    name: str


class AllianceList(Schema):
    items: list[AllianceItem]


class PartnerOut(Schema):
    organisation: str
    role: str


class AllianceOut(Schema):
    slug: str
    name: str
    goal: str
    start: datetime.date
    end: datetime.date
    visibility: str
    partners: list[PartnerOut]


@router.get("/alliances", response=AllianceList)
def alliances(request: HttpRequest) -> dict[str, object]:
    rows = visible_alliances(api_user(request)).order_by("name").values("slug", "name")
    return {"items": list(rows)}


@router.get("/alliances/{slug}", response=AllianceOut)
def alliance(request: HttpRequest, slug: str) -> dict[str, object]:
    found = readable_alliance(api_user(request), slug)
    partners = [{"organisation": p.organisation.name, "role": p.role}
                for p in found.partners.select_related("organisation")]
    return {"slug": found.slug, "name": found.name, "goal": found.goal, "start": found.start,
            "end": found.end, "visibility": found.visibility, "partners": partners}


class AccountabilityItem(Schema):
    partner: str
    cycle: int
    agreed: int
    on_time: int
    late: int
    dropped: int
    open: int


class Accountability(Schema):
    items: list[AccountabilityItem]


@router.get("/alliances/{slug}/accountability", response=Accountability)
def accountability(request: HttpRequest, slug: str) -> dict[str, object]:
    """Per partner team and cycle: tasks agreed, on time, late, dropped, open (see
    `learnlink.alliance.planning.accountability`). For the alliance's insiders; 404 to anyone
    else."""
    found = insiders_alliance(api_user(request), slug)
    return {"items": [row.as_item() for row in board(found)]}


class CostRow(Schema):
    partner: str
    committed_usd: float
    contributed_usd: float
    balance_usd: float


class CostTotals(Schema):
    committed_usd: float
    contributed_usd: float
    balance_usd: float


class Costs(Schema):
    items: list[CostRow]
    totals: CostTotals


def _cost_row(row: Balance) -> dict[str, object]:
    return {"partner": row.partner, "committed_usd": float(row.committed_usd),
            "contributed_usd": float(row.contributed_usd),
            "balance_usd": float(row.balance_usd)}


@router.get("/alliances/{slug}/costs", response=Costs)
def costs(request: HttpRequest, slug: str) -> dict[str, object]:
    """Per partner: committed, contributed and the balance, in US$. Insiders only."""
    found = insiders_alliance(api_user(request), slug)
    rows = balances(found)
    total = _cost_row(totals(rows))
    del total["partner"]
    return {"items": [_cost_row(row) for row in rows], "totals": total}
