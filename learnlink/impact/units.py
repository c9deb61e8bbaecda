"""The units sales are counted in, how people spell them, and what a unit weighs when it does
not depend on the product (a kilogram, a tonne, a 90 kg bag)."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    KG = "kg", _("kg")
    TONNE = "t", _("tonnes")
    BAG_90KG = "bag90", _("90 kg bags")
    CRATE = "crate", _("crates")
    LITRE = "litre", _("litres")


# Tonnes per unit whatever the product; crates and litres need the product's own row.
FIXED_TONNES = {Unit.KG: Decimal("0.001"), Unit.TONNE: Decimal(1), Unit.BAG_90KG: Decimal("0.09")}

SPELLINGS = {
    Unit.KG: ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogrammes"),
    Unit.TONNE: ("t", "tonne", "tonnes", "ton", "tons", "mt"),
    Unit.BAG_90KG: ("bag90", "bag", "bags", "90 kg bag", "90 kg bags", "90kg bag", "90kg bags",
                    "90-kg bags", "gunia", "magunia"),
    Unit.CRATE: ("crate", "crates", "tenga", "matenga"),
    Unit.LITRE: ("l", "litre", "litres", "liter", "liters", "lita"),
}
_BY_SPELLING = {spelling: unit for unit, spellings in SPELLINGS.items() for spelling in spellings}


def unit_named(text: str) -> Unit | None:
    """The unit a person meant by `text` ('bags', '90 kg bags', 'Kg'); None when unknown."""
    return _BY_SPELLING.get(" ".join(text.casefold().split()))


def unit_example() -> str:
    return "kg, t, 90 kg bags, crates, litres"
