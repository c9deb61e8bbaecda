"""GET /api/alliances/{slug}/impact: the impact table of any period, as the web shows it."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from learnlink.alliance.permissions import readable_alliance
from learnlink.impact.report import Period, impact_table
from learnlink.people.api_auth import api_user

router = Router(tags=["impact"])


class ProductOut(Schema):
    name: str
    sold: bool


class Totals(Schema):
    target_households: int
    pmgs: int
    members: int
    volume_t: float
    value_usd: int


class RowOut(Totals):
    territory: str
    products: list[ProductOut]


class ImpactOut(Schema):
    rows: list[RowOut]
    totals: Totals


@router.get("/alliances/{slug}/impact", response=ImpactOut)
def impact(request: HttpRequest, slug: str,
           start: datetime.date | None = Query(None, alias="from"),  # noqa: B008
           end: datetime.date | None = Query(None, alias="to")) -> dict[str, object]:  # noqa: B008
    """Per territory: target households, products (sold or not yet), PMGs, members, volume
    sold (t, to 0.1) and value (US$, whole dollars); and the totals. The period defaults to
    the alliance's own."""
    alliance = readable_alliance(api_user(request), slug)
    period = Period.of(alliance, start, end)
    if period.end < period.start:
        raise HttpError(400, "'to' comes before 'from'")
    return impact_table(alliance, period).as_json()
