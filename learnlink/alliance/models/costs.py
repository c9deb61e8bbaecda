"""Shared costs: the alliance's budget lines, what each partner committed to them and what it
actually contributed, in cash or in kind, in any currency. Each row keeps its US$ value,
converted by lib/money.py at the rate of its own day when it is saved, so totals add up in the
database."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models.alliances import Alliance, Partner
from learnlink.alliance.models.rates import ExchangeRate
from learnlink.lib.money import MissingRate, valid_currency

POSITIVE = [MinValueValidator(Decimal("0.01"))]


class BudgetLine(models.Model):
    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="budget_lines")
    name = models.CharField(_("name"), max_length=200)
    amount_usd = models.DecimalField(_("budget (US$)"), max_digits=14, decimal_places=2,
                                     validators=[MinValueValidator(Decimal(0))])
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["alliance", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["alliance", "name"],
                                               name="budget_line_name_once")]

    def __str__(self) -> str:
        return self.name


class Kind(models.TextChoices):
    CASH = "cash", _("cash")
    IN_KIND = "in_kind", _("in kind")


class Converted(models.Model):
    """An amount in some currency on some day, and its US$ value at that day's rate."""

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.CASCADE,
                                related_name="+")
    budget_line = models.ForeignKey(BudgetLine, verbose_name=_("budget line"),
                                    on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2,
                                 validators=POSITIVE)
    currency = models.CharField(_("currency"), max_length=3, default="USD",
                                validators=[valid_currency],
                                help_text=_("Three capital letters, e.g. USD, KES, UGX."))
    kind = models.CharField(_("cash or in kind"), max_length=10, choices=Kind.choices,
                            default=Kind.CASH)
    amount_usd = models.DecimalField(_("US$"), max_digits=14, decimal_places=2, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.convert()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "amount_usd"}
        super().save(*args, **kwargs)

    def rate_day(self) -> datetime.date:
        raise NotImplementedError

    def convert(self) -> None:
        """Set `amount_usd`; a ValidationError saying which rate to add where there is none."""
        self.currency = (self.currency or "").upper()
        try:
            self.amount_usd = ExchangeRate.objects.rates([self.currency]).to_usd(
                self.amount, self.currency, self.rate_day())
        except MissingRate as missing:
            raise ValidationError(
                _("%(missing)s A coordinator adds it on the alliance's costs page (\"Add an "
                  "exchange rate\"), with where the rate comes from.") % {"missing": missing}
            ) from missing

    def clean(self) -> None:
        if self.partner_id and self.budget_line_id and (
                self.partner.alliance_id != self.budget_line.alliance_id):
            raise ValidationError({"budget_line": _("This budget line is in another alliance.")})
        if self.amount is not None and self.currency and len(self.currency) == 3:
            self.convert()


class Commitment(Converted):
    """What a partner agreed at the start to give to one budget line; converted at the rate of
    the day it was agreed."""

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.CASCADE,
                                related_name="commitments")
    budget_line = models.ForeignKey(BudgetLine, verbose_name=_("budget line"),
                                    on_delete=models.PROTECT, related_name="commitments")
    agreed_on = models.DateField(_("agreed on"))
    note = models.CharField(_("note"), max_length=300, blank=True,
                            help_text=_("What is given in kind, e.g. staff time."))

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["partner__organisation__name", "budget_line__order", "kind"]
        constraints = [models.UniqueConstraint(fields=["partner", "budget_line", "kind"],
                                               name="commitment_once_per_line_and_kind")]

    def __str__(self) -> str:
        return f"{self.partner}: {self.amount} {self.currency} ({self.budget_line})"

    def rate_day(self) -> datetime.date:
        return self.agreed_on


class Contribution(Converted):
    """What a partner actually gave, on a day; converted at that day's rate."""

    partner = models.ForeignKey(Partner, verbose_name=_("partner"), on_delete=models.CASCADE,
                                related_name="contributions")
    budget_line = models.ForeignKey(BudgetLine, verbose_name=_("budget line"),
                                    on_delete=models.PROTECT, related_name="contributions")
    day = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=300)
    recorded_by = models.ForeignKey("people.Person", verbose_name=_("recorded by"), null=True,
                                    blank=True, on_delete=models.SET_NULL,
                                    related_name="alliance_contributions")

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-day", "-pk"]

    def __str__(self) -> str:
        return f"{self.partner}: {self.amount} {self.currency} on {self.day}"

    def rate_day(self) -> datetime.date:
        return self.day
