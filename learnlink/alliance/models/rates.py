"""Dated exchange rates: every US$ figure is converted at the rate in force on its own date
(which one that is, is lib/money.py's rule; this table holds the rows)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from learnlink.lib.money import Rates, check_one_source, foreign, valid_currency


class ExchangeRateQuerySet(models.QuerySet["ExchangeRate"]):
    def rates(self, currencies: Iterable[str]) -> Rates:
        """The rates of these currencies, read in one query, for converting many amounts."""
        return Rates(self.filter(currency__in=foreign(currencies))
                     .values_list("currency", "valid_from", "usd_per_unit", "source"))


class ExchangeRate(models.Model):
    """How many US$ one unit of `currency` was worth from `valid_from` until the next rate."""

    currency = models.CharField(_("currency"), max_length=3, validators=[valid_currency])
    valid_from = models.DateField(_("valid from"))
    usd_per_unit = models.DecimalField(_("US$ per unit"), max_digits=20, decimal_places=10,
                                       validators=[MinValueValidator(0)])
    source = models.CharField(_("source"), max_length=200, blank=True,
                              help_text=_("Where the rate comes from, e.g. Central Bank of Kenya."))

    objects = ExchangeRateQuerySet.as_manager()

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["currency", "valid_from"],
                                               name="one_rate_per_currency_and_day")]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.usd_per_unit} US$ from {self.valid_from}"

    def clean(self) -> None:
        """A currency takes its rates from one source at a time (lib/money.py's rule 2)."""
        if self.currency and self.valid_from:
            others = (ExchangeRate.objects.filter(currency=self.currency).exclude(pk=self.pk)
                      .values_list("currency", "valid_from", "source"))
            check_one_source((self.currency, self.valid_from, self.source), others)
