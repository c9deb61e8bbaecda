"""Forms for shared responsibilities and costs: budget lines, commitments, contributions
and the dated rates they are counted in."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.forms import DATE, NamedOnce, area
from learnlink.alliance.models import (
    Alliance,
    BudgetLine,
    Commitment,
    Contribution,
    ExchangeRate,
    Partner,
)


class ResponsibilitiesForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["responsibilities"]
        widgets = {"responsibilities": area(6)}


class BudgetLineForm(NamedOnce):
    class Meta:
        model = BudgetLine
        fields = ["name", "amount_usd", "order"]


class _InAlliance(forms.ModelForm):
    """Partner and budget line offered from this alliance only; the currency in capitals."""

    def __init__(self, *args: Any, alliance: Alliance, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = (  # type: ignore[attr-defined]
            Partner.objects.of(alliance))
        self.fields["budget_line"].queryset = (  # type: ignore[attr-defined]
            BudgetLine.objects.filter(alliance=alliance))

    def clean_currency(self) -> str:
        return str(self.cleaned_data.get("currency") or "").strip().upper()


class CommitmentForm(_InAlliance):
    class Meta:
        model = Commitment
        fields = ["partner", "budget_line", "amount", "currency", "kind", "agreed_on", "note"]
        widgets = {"agreed_on": DATE}


class ContributionForm(_InAlliance):
    class Meta:
        model = Contribution
        fields = ["partner", "budget_line", "day", "amount", "currency", "kind", "description"]
        widgets = {"day": DATE}


class RateForm(forms.Form):
    """A rate as banks quote it (units of the currency for one US$), stored as US$ per unit."""

    currency = forms.CharField(label=_("Currency"), max_length=3,
                               help_text=_("Three capital letters, e.g. KES."))
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    per_usd = forms.DecimalField(label=_("Units of the currency for one US$"),
                                 min_value=Decimal("0.000001"), max_digits=20, decimal_places=6)
    source = forms.CharField(label=_("Source"), max_length=200,
                             help_text=_("e.g. central bank mid-rate, month average."))

    def clean_currency(self) -> str:
        return str(self.cleaned_data.get("currency") or "").strip().upper()

    def rate(self) -> ExchangeRate:
        data = self.cleaned_data
        return ExchangeRate(currency=data["currency"], valid_from=data["valid_from"],
                            usd_per_unit=(1 / data["per_usd"]).quantize(Decimal("1e-10")),
                            source=data["source"])
