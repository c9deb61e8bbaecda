"""Recording a sale: the checks every way in (web form, spreadsheet, email) applies, and
`record_sale`, the one function that writes one."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from learnlink.alliance.models import Alliance
from learnlink.impact.models import Sale, SaleSource, Territory, TerritoryProduct
from learnlink.impact.normalise import MissingConversion, Normaliser
from learnlink.lib.dates import shown
from learnlink.lib.money import MissingRate
from learnlink.people.models import Enterprise, Organisation, Place


@dataclass(frozen=True)
class SaleInput:
    """A sale as reported, before it is checked."""

    territory: Territory
    pmg: Organisation
    product: Enterprise
    date: datetime.date
    quantity: Decimal
    unit: str
    value: Decimal
    currency: str
    buyer: str = ""

    def key(self) -> DuplicateKey:
        return duplicate_key(self.pmg.pk, self.product.pk, self.date, self.quantity, self.value)


DuplicateKey = tuple[int, int, datetime.date, Decimal, Decimal]


def duplicate_key(pmg: int, product: int, day: datetime.date, quantity: Decimal,
                  value: Decimal) -> DuplicateKey:
    """Two sales with the same PMG, product, day, quantity and value are one sale twice."""
    return (pmg, product, day, quantity.normalize(), value.normalize())


class SaleRejected(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class PlaceInside:
    """Whether one place lies within another, from one read of the (small) place tree."""

    def __init__(self) -> None:
        self._below: dict[int, set[int]] = {}

    def __call__(self, place_id: int | None, territory: Territory) -> bool:
        if place_id is None:
            return False
        if territory.place_id not in self._below:
            self._below[territory.place_id] = Place.objects.descendant_ids(territory.place)
        return place_id in self._below[territory.place_id]


class SaleChecker:
    """Checks sales of one alliance against its tables; reads each table once."""

    def __init__(self, alliance: Alliance, currencies: Iterable[str]) -> None:
        self.normaliser = Normaliser(alliance, currencies)
        self.inside = PlaceInside()
        self.today = timezone.localdate()

    def pmg_in_territory(self, pmg: Organisation, territory: Territory) -> bool:
        return self.inside(pmg.place_id, territory)

    def problems(self, sale: SaleInput) -> list[str]:
        """Everything wrong with the sale but being a duplicate; empty when it can be recorded."""
        found = []
        if sale.quantity < 0:
            found.append(_("the quantity %(quantity)s is negative") % {"quantity": sale.quantity})
        if sale.value < 0:
            found.append(_("the value %(value)s is negative") % {"value": sale.value})
        if sale.date > self.today:
            found.append(_("the date %(date)s is in the future") % {"date": shown(sale.date)})
        if not self.pmg_in_territory(sale.pmg, sale.territory):
            found.append(_("the PMG %(pmg)s is not in %(territory)s")
                         % {"pmg": sale.pmg.name, "territory": sale.territory.place.name})
        try:
            self.normaliser.to_tonnes(sale.product, sale.quantity, sale.unit)
        except MissingConversion as error:
            found.append(str(error))
        try:
            self.normaliser.to_usd(sale.value, sale.currency, sale.date)
        except MissingRate as error:
            found.append(str(error))
        return found

    def build(self, sale: SaleInput, source: str) -> Sale:
        return self.normaliser.fill(Sale(
            territory=sale.territory, pmg=sale.pmg, product=sale.product, date=sale.date,
            quantity=sale.quantity, unit=sale.unit, value=sale.value,
            currency=sale.currency.upper(), buyer=sale.buyer, source=source))


def recorded_keys(sales: Iterable[SaleInput]) -> set[DuplicateKey]:
    """Which of these sales are recorded already, in one query."""
    wanted = list(sales)
    if not wanted:
        return set()
    rows = Sale.objects.filter(
        pmg__in={s.pmg.pk for s in wanted}, product__in={s.product.pk for s in wanted},
        date__gte=min(s.date for s in wanted), date__lte=max(s.date for s in wanted),
    ).values_list("pmg_id", "product_id", "date", "quantity", "value")
    return {duplicate_key(*row) for row in rows}


def record_sale(sale: SaleInput, source: str = SaleSource.WEB,
                checker: SaleChecker | None = None) -> Sale:
    """Check and write one sale; the product becomes one of the territory's chosen products."""
    checker = checker or SaleChecker(sale.territory.alliance, [sale.currency])
    problems = checker.problems(sale)
    if sale.key() in recorded_keys([sale]):
        problems.append(_("this sale is recorded already"))
    if problems:
        raise SaleRejected(problems)
    with transaction.atomic():
        choose_products(sale.territory, [sale.product])
        recorded = checker.build(sale, source)
        recorded.save()
    return recorded


def choose_products(territory: Territory, products: Iterable[Enterprise]) -> None:
    """Add products to the territory's chosen ones (after those it has), each once."""
    have = set(territory.choices.values_list("product_id", flat=True))
    last = territory.choices.aggregate(last=Max("position"))["last"]
    position = -1 if last is None else last
    for product in products:
        if product.pk not in have:
            position += 1
            have.add(product.pk)
            TerritoryProduct.objects.create(territory=territory, product=product,
                                            position=position)
