"""Dated exchange rates: every US$ figure is converted at the rate in force on its own date."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def valid_currency(code: str) -> None:
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        raise ValidationError(_("Write the currency as its three capital letters, e.g. KES."))


class ExchangeRate(models.Model):
    """How many US$ one unit of `currency` was worth from `valid_from` until the next rate."""

    currency = models.CharField(_("currency"), max_length=3, validators=[valid_currency])
    valid_from = models.DateField(_("valid from"))
    usd_per_unit = models.DecimalField(_("US$ per unit"), max_digits=20, decimal_places=10,
                                       validators=[MinValueValidator(0)])
    source = models.CharField(_("source"), max_length=200, blank=True,
                              help_text=_("Where the rate comes from, e.g. Central Bank of Kenya."))

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["currency", "valid_from"],
                                               name="one_rate_per_currency_and_day")]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.usd_per_unit} US$ from {self.valid_from}"

    def clean(self) -> None:
        """Which rate is in force, and so which rates may be added, is money.py's rule."""
        from learnlink.alliance.money import check_one_source

        if self.currency and self.valid_from:
            check_one_source(self)
