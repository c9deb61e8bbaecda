"""Forms of the impact app: they read and validate; the services record."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import MinValueValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models import Alliance
from learnlink.impact.models import Territory, TerritoryProduct
from learnlink.impact.sales import SaleChecker, SaleInput, recorded_keys
from learnlink.impact.units import Unit
from learnlink.lib.money import valid_currency
from learnlink.people.models import Enterprise, Organisation, OrganisationKind


def chosen_products(alliance: Alliance) -> QuerySet[Enterprise]:
    """The products chosen in any of the alliance's territories: what a sale may be of."""
    chosen = TerritoryProduct.objects.filter(territory__alliance=alliance)
    return Enterprise.objects.filter(pk__in=chosen.values("product")).order_by("name")


class PeriodForm(forms.Form):
    """?from=YYYY-MM-DD&to=YYYY-MM-DD, as the API takes them; empty means the alliance's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from"] = forms.DateField(label=_("From"), required=False,
                                              widget=forms.DateInput(attrs={"type": "date"}))
        self.fields["to"] = forms.DateField(label=_("To"), required=False,
                                            widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("from") and data.get("to") and data["to"] < data["from"]:
            raise forms.ValidationError(_("The end of the period comes before its start."))
        return data

    def bounds(self) -> tuple[datetime.date | None, datetime.date | None]:
        if not self.is_valid():
            return None, None
        return self.cleaned_data.get("from"), self.cleaned_data.get("to")


class SaleForm(forms.Form):
    territory = forms.ModelChoiceField(label=_("Territory"), queryset=Territory.objects.none())
    pmg = forms.ModelChoiceField(label=_("PMG"), queryset=Organisation.objects.none())
    product = forms.ModelChoiceField(label=_("Product"), queryset=Enterprise.objects.none())
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    quantity = forms.DecimalField(label=_("Quantity"), max_digits=14, decimal_places=3,
                                  validators=[MinValueValidator(Decimal(0))])
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=2,
                               validators=[MinValueValidator(Decimal(0))])
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="KES",
                               help_text=_("Three capital letters, e.g. KES, UGX, TZS, USD."))
    buyer = forms.CharField(label=_("Buyer"), max_length=200, required=False)

    def __init__(self, alliance: Alliance, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.alliance = alliance
        self.fields["territory"].queryset = (  # type: ignore[attr-defined]
            Territory.objects.of(alliance))
        self.fields["pmg"].queryset = (  # type: ignore[attr-defined]
            Organisation.objects.filter(kind=OrganisationKind.PMG).order_by("name"))
        self.fields["product"].queryset = chosen_products(alliance)  # type: ignore[attr-defined]

    def clean_currency(self) -> str:
        code = str(self.cleaned_data["currency"]).strip().upper()
        valid_currency(code)
        return code

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        sale = self.sale()
        for problem in SaleChecker(self.alliance, [sale.currency]).problems(sale):
            self.add_error(None, problem)
        if sale.key() in recorded_keys([sale]):
            self.add_error(None, _("This sale is recorded already."))
        return data

    def sale(self) -> SaleInput:
        data = self.cleaned_data
        return SaleInput(territory=data["territory"], pmg=data["pmg"], product=data["product"],
                         date=data["date"], quantity=data["quantity"], unit=data["unit"],
                         value=data["value"], currency=data["currency"],
                         buyer=data.get("buyer", ""))


class ConversionForm(forms.Form):
    product = forms.ModelChoiceField(label=_("Product"), queryset=Enterprise.objects.none())
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    tonnes = forms.DecimalField(label=_("Tonnes per unit"), max_digits=12, decimal_places=6,
                                validators=[MinValueValidator(Decimal(0))])

    def __init__(self, alliance: Alliance, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = chosen_products(alliance)  # type: ignore[attr-defined]
