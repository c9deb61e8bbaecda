"""Sales by PMGs and the per-product table that turns their units into tonnes.

A sale keeps what was reported (quantity in its unit, value in its currency) and, next to it,
the same sale in tonnes and US$, computed when it is saved from the alliance's conversion
table and the rate on the sale's day, and recomputed when either changes (`normalise.py`).
The report then adds up stored numbers in the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from learnlink.impact.units import Unit
from learnlink.lib.money import valid_currency

if TYPE_CHECKING:
    from learnlink.alliance.models import Alliance
    from learnlink.impact.periods import Period


class UnitConversion(models.Model):
    """What one unit of a product weighs in tonnes, for one alliance: a crate of tomatoes is
    not a crate of kales, and a coordinator knows what the local crate holds."""

    alliance = models.ForeignKey("alliance.Alliance", on_delete=models.CASCADE,
                                 related_name="unit_conversions")
    product = models.ForeignKey("people.Enterprise", verbose_name=_("product"),
                                on_delete=models.CASCADE, related_name="+")
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    tonnes = models.DecimalField(_("tonnes per unit"), max_digits=12, decimal_places=6,
                                 validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("unit conversion")
        verbose_name_plural = _("unit conversions")
        ordering = ["product__name", "unit"]
        constraints = [models.UniqueConstraint(fields=["alliance", "product", "unit"],
                                               name="one_conversion_per_product_unit")]

    def __str__(self) -> str:
        return f"1 {self.get_unit_display()} of {self.product} = {self.tonnes} t"


class SaleSource(models.TextChoices):
    WEB = "web", _("web form")
    SPREADSHEET = "spreadsheet", _("spreadsheet")
    EMAIL = "email", _("email")


class SaleQuerySet(models.QuerySet["Sale"]):
    def of(self, alliance: Alliance) -> SaleQuerySet:
        """The sales in the alliance's territories."""
        return self.filter(territory__alliance=alliance)

    def in_period(self, period: Period) -> SaleQuerySet:
        """The sales made in the period, its first and last days included."""
        return self.filter(date__gte=period.start, date__lte=period.end)


class Sale(models.Model):
    territory = models.ForeignKey("impact.Territory", on_delete=models.CASCADE,
                                  related_name="sales")
    pmg = models.ForeignKey("people.Organisation", verbose_name=_("PMG"),
                            on_delete=models.PROTECT, related_name="sales")
    product = models.ForeignKey("people.Enterprise", verbose_name=_("product"),
                                on_delete=models.PROTECT, related_name="sales")
    date = models.DateField(_("date"))
    quantity = models.DecimalField(_("quantity"), max_digits=14, decimal_places=3,
                                   validators=[MinValueValidator(0)])
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2,
                                validators=[MinValueValidator(0)])
    currency = models.CharField(_("currency"), max_length=3, validators=[valid_currency])
    buyer = models.CharField(_("buyer"), max_length=200, blank=True)
    tonnes = models.DecimalField(_("tonnes"), max_digits=16, decimal_places=6)
    value_usd = models.DecimalField(_("value (US$)"), max_digits=16, decimal_places=2)
    source = models.CharField(_("entered by"), max_length=12, choices=SaleSource.choices,
                              default=SaleSource.WEB)
    created = models.DateTimeField(auto_now_add=True)

    objects = SaleQuerySet.as_manager()

    class Meta:
        verbose_name = _("sale")
        verbose_name_plural = _("sales")
        ordering = ["-date", "-pk"]
        indexes = [
            # The impact table reads only these columns: one index scan, no table lookups.
            models.Index(fields=["territory", "product", "pmg", "date", "tonnes", "value_usd"],
                         name="sale_report"),
            models.Index(fields=["date"], name="sale_date"),
        ]

    def __str__(self) -> str:
        return f"{self.pmg} {self.product} {self.quantity} {self.unit} {self.date}"
