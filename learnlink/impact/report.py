"""The impact table and its companions (by product, by gender, by buyer, volume by month),
computed from the records for any period.

Sales are added up in the database (one grouped query over stored tonnes and US$), membership
is each PMG's latest count in the period (never a sum of counts), and every total is the sum
of the exact figures, rounded only when shown.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Sum
from django.db.models.functions import TruncMonth

from learnlink.alliance.models import Alliance, ExchangeRate
from learnlink.impact.models import Membership, Sale, Target, Territory, TerritoryProduct
from learnlink.impact.periods import Period
from learnlink.lib.money import RateUsed
from learnlink.people.models.places import local_name

ZERO = Decimal(0)


def whole_dollars(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def tenth_tonnes(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class ProductCell:
    name: str
    sold: bool


class Rounded:
    """Volume and value as the table shows them: to 0.1 t and to whole dollars."""

    volume_t: Decimal
    value_usd: Decimal

    @property
    def value_rounded(self) -> int:
        return whole_dollars(self.value_usd)

    @property
    def volume_rounded(self) -> float:
        return tenth_tonnes(self.volume_t)


@dataclass
class Figures(Rounded):
    """The numbers of one row of the impact table, or of its totals."""

    target_households: int = 0
    pmgs: int = 0
    members: int = 0
    women: int | None = None
    men: int | None = None
    youth: int | None = None
    volume_t: Decimal = ZERO
    value_usd: Decimal = ZERO
    sales: int = 0

    def add(self, other: Figures) -> None:
        self.target_households += other.target_households
        self.pmgs += other.pmgs
        self.members += other.members
        self.volume_t += other.volume_t
        self.value_usd += other.value_usd
        self.sales += other.sales
        for name in ("women", "men", "youth"):
            self.add_known(name, getattr(other, name))

    def add_known(self, name: str, count: int | None) -> None:
        if count is not None:
            setattr(self, name, (getattr(self, name) or 0) + count)


@dataclass
class ImpactRow(Figures):
    territory: str = ""
    products: list[ProductCell] = field(default_factory=list)


@dataclass
class Breakdown(Rounded):
    """A row of the by-product or by-buyer table."""

    name: str
    volume_t: Decimal = ZERO
    value_usd: Decimal = ZERO
    sales: int = 0
    territories: list[str] = field(default_factory=list)


@dataclass
class ImpactTable:
    alliance: Alliance
    period: Period
    rows: list[ImpactRow]
    totals: Figures
    by_product: list[Breakdown]

    def as_json(self) -> dict[str, object]:
        """The API's shape: numbers as numbers, US$ to the dollar, tonnes to 0.1 t."""
        def numbers(figures: Figures) -> dict[str, object]:
            return {"target_households": figures.target_households, "pmgs": figures.pmgs,
                    "members": figures.members, "volume_t": figures.volume_rounded,
                    "value_usd": figures.value_rounded}

        return {
            "rows": [{"territory": row.territory, **numbers(row),
                      "products": [{"name": p.name, "sold": p.sold} for p in row.products]}
                     for row in self.rows],
            "totals": numbers(self.totals),
        }


def impact_table(alliance: Alliance, period: Period) -> ImpactTable:
    """Five queries whatever the number of sales: territories, chosen products, targets,
    latest membership counts, and the sales grouped by territory, product and PMG."""
    territories = list(Territory.objects.of(alliance))
    ids = [t.pk for t in territories]
    rows = {t.pk: ImpactRow(territory=t.place.name) for t in territories}
    chosen: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for territory_id, product_id, *names in (TerritoryProduct.objects.filter(territory__in=ids)
                                             .values_list("territory_id", "product_id",
                                                          "product__name", "product__name_sw",
                                                          "product__name_fr")):
        chosen[territory_id].append((product_id, local_name(*names)))
    for territory_id, households in _targets(ids, period).items():
        rows[territory_id].target_households = households
    pmgs: dict[int, set[int]] = defaultdict(set)
    for count in latest_counts(ids, period):
        row = rows[count.territory_id]
        pmgs[count.territory_id].add(count.pmg_id)
        row.members += count.members
        for name in ("women", "men", "youth"):
            row.add_known(name, getattr(count, name))
    sold: dict[int, set[int]] = defaultdict(set)
    products: dict[int, Breakdown] = {}
    product_names = {pk: name for pairs in chosen.values() for pk, name in pairs}
    groups = (Sale.objects.filter(territory__in=ids).in_period(period)
              .values_list("territory_id", "product_id", "pmg_id")
              .annotate(tonnes=Sum("tonnes"), usd=Sum("value_usd"), sales=Count("pk"))
              .order_by())
    for territory_id, product_id, pmg_id, tonnes, usd, sales in groups:
        row = rows[territory_id]
        row.volume_t += tonnes or ZERO
        row.value_usd += usd or ZERO
        row.sales += sales
        pmgs[territory_id].add(pmg_id)
        sold[territory_id].add(product_id)
        product = products.setdefault(product_id,
                                      Breakdown(product_names.get(product_id, str(product_id))))
        product.volume_t += tonnes or ZERO
        product.value_usd += usd or ZERO
        product.sales += sales
        if row.territory not in product.territories:
            product.territories.append(row.territory)
    totals = Figures()
    for pk, row in rows.items():
        row.pmgs = len(pmgs[pk])
        row.products = [ProductCell(name, product_id in sold[pk])
                        for product_id, name in chosen[pk]]
        totals.add(row)
    return ImpactTable(alliance, period, [rows[pk] for pk in ids], totals,
                       sorted(products.values(), key=lambda p: (-p.value_usd, p.name)))


def _targets(territory_ids: list[int], period: Period) -> dict[int, int]:
    """Each territory's target for the period: the latest-starting one that overlaps it."""
    found: dict[int, int] = {}
    targets = (Target.objects.filter(territory__in=territory_ids).overlapping(period)
               .order_by("territory_id", "start").values_list("territory_id", "households"))
    for territory_id, households in targets:
        found[territory_id] = households
    return found


def latest_counts(territory_ids: list[int], period: Period) -> list[Membership]:
    """Each PMG's latest membership count in the period (one per PMG and territory)."""
    in_period = Membership.objects.in_period(period)
    newer = in_period.filter(territory=OuterRef("territory"), pmg=OuterRef("pmg"),
                             date__gt=OuterRef("date"))
    return list(in_period.filter(territory__in=territory_ids).exclude(Exists(newer))
                .only("territory_id", "pmg_id", "members", "women", "men", "youth"))


def by_buyer(alliance: Alliance, period: Period) -> list[Breakdown]:
    rows = (Sale.objects.of(alliance).in_period(period)
            .values_list("buyer").annotate(tonnes=Sum("tonnes"), usd=Sum("value_usd"),
                                           sales=Count("pk"))
            .order_by("-usd", "buyer"))
    return [Breakdown(buyer, tonnes or ZERO, usd or ZERO, sales)
            for buyer, tonnes, usd, sales in rows]


def volume_by_month(alliance: Alliance, period: Period) -> list[tuple[datetime.date, Decimal]]:
    rows = (Sale.objects.of(alliance).in_period(period)
            .annotate(month=TruncMonth("date")).values_list("month")
            .annotate(tonnes=Sum("tonnes")).order_by("month"))
    return [(month, tonnes or ZERO) for month, tonnes in rows]


def rates_used(alliance: Alliance, period: Period) -> list[RateUsed]:
    """The exchange rates the period's US$ figures were converted at, with their sources (two
    queries: the currencies and days of the sales, then their rates)."""
    days = list(Sale.objects.of(alliance).in_period(period)
                .values_list("currency", "date").distinct().order_by())
    rates = ExchangeRate.objects.rates({currency for currency, _day in days})
    return rates.used_for(days)
