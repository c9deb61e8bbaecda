"""Sales in tonnes and US$: the alliance's conversion table and the dated exchange rates.

`Normaliser` reads both tables once and converts any number of sales; `recompute` brings stored
figures up to date after a coordinator changes a conversion or a rate is added or corrected.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from learnlink.alliance.models import Alliance, ExchangeRate
from learnlink.impact.models import Sale, UnitConversion
from learnlink.impact.units import FIXED_TONNES, Unit
from learnlink.people.models import Enterprise

TONNE_PLACES = Decimal("0.000001")


class MissingConversion(ValueError):
    """A crate or a litre of a product nobody has said the weight of."""

    def __init__(self, product: str, unit: str) -> None:
        super().__init__(_("No conversion to tonnes for %(unit)s of %(product)s: a coordinator "
                           "adds it on the alliance's conversion table.")
                         % {"unit": Unit(unit).label, "product": product})


class Normaliser:
    """One alliance's conversions and the rates of some currencies, read once."""

    def __init__(self, alliance: Alliance, currencies: Iterable[str]) -> None:
        self.rates = ExchangeRate.objects.rates(currencies)
        self.tonnes: dict[tuple[int, str], Decimal] = {
            (product_id, unit): tonnes for product_id, unit, tonnes in
            UnitConversion.objects.filter(alliance=alliance)
            .values_list("product_id", "unit", "tonnes")}

    def tonnes_per(self, product: Enterprise, unit: str) -> Decimal:
        found = self.tonnes.get((product.pk, unit))
        if found is None:
            found = FIXED_TONNES.get(Unit(unit))
        if found is None:
            raise MissingConversion(product.name, unit)
        return found

    def to_tonnes(self, product: Enterprise, quantity: Decimal, unit: str) -> Decimal:
        return (quantity * self.tonnes_per(product, unit)).quantize(TONNE_PLACES)

    def to_usd(self, value: Decimal, currency: str, day: datetime.date) -> Decimal:
        return self.rates.to_usd(value, currency, day)

    def fill(self, sale: Sale) -> Sale:
        """Set the sale's tonnes and US$ (raises MissingConversion or MissingRate)."""
        sale.tonnes = self.to_tonnes(sale.product, sale.quantity, sale.unit)
        sale.value_usd = self.to_usd(sale.value, sale.currency, sale.date)
        return sale


BATCH = 2000


def recompute(alliance: Alliance, product: Enterprise | None = None,
              currency: str | None = None, since: datetime.date | None = None) -> int:
    """Recompute the stored tonnes and US$ of an alliance's sales (of one product, or in one
    currency, or from a day on); returns how many changed. A sale whose rate has gone keeps its
    old figures."""
    sales = Sale.objects.of(alliance).select_related("product")
    if product is not None:
        sales = sales.filter(product=product)
    if currency is not None:
        sales = sales.filter(currency=currency)
    if since is not None:
        sales = sales.filter(date__gte=since)
    currencies = sales.values_list("currency", flat=True).distinct()
    normaliser = Normaliser(alliance, list(currencies))
    changed: list[Sale] = []
    with transaction.atomic():
        for sale in sales.iterator(chunk_size=BATCH):
            before = (sale.tonnes, sale.value_usd)
            try:
                normaliser.fill(sale)
            except ValueError:
                continue
            if (sale.tonnes, sale.value_usd) != before:
                changed.append(sale)
        Sale.objects.bulk_update(changed, ["tonnes", "value_usd"], batch_size=BATCH)
    return len(changed)


def recompute_currency(currency: str, since: datetime.date | None = None) -> int:
    """After a rate of `currency` was added, corrected or removed: every alliance's sales in
    it (from the rate's day on, when given)."""
    return sum(recompute(alliance, currency=currency, since=since)
               for alliance in Alliance.objects.filter(territories__sales__currency=currency)
               .distinct())
