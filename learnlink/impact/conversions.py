"""The conversion table a coordinator edits: what a crate, a litre or a bag of a product weighs.
Changing a row recomputes the tonnes of every sale it applies to."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from learnlink.alliance.models import Alliance
from learnlink.impact.models import UnitConversion
from learnlink.impact.normalise import recompute
from learnlink.people.models import Enterprise


def set_conversion(alliance: Alliance, product: Enterprise, unit: str, tonnes: Decimal) -> int:
    """Record what one unit of the product weighs; returns how many sales changed."""
    with transaction.atomic():
        UnitConversion.objects.update_or_create(alliance=alliance, product=product, unit=unit,
                                                defaults={"tonnes": tonnes})
        return recompute(alliance, product=product)


def remove_conversion(alliance: Alliance, conversion_pk: int) -> int:
    with transaction.atomic():
        conversion = UnitConversion.objects.select_related("product").get(
            alliance=alliance, pk=conversion_pk)
        conversion.delete()
        return recompute(alliance, product=conversion.product)
