"""Forms for reflection, evaluation and costs: they validate, nothing more."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models import (
    Alliance,
    BudgetLine,
    Commitment,
    Contribution,
    Criterion,
    ExchangeRate,
    Partner,
    PerformanceAction,
)
from learnlink.alliance.models.reflection import QUESTIONS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _area(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ReflectionForm(forms.Form):
    worked = forms.CharField(label=QUESTIONS[0][1], required=False, widget=_area())
    did_not_work = forms.CharField(label=QUESTIONS[1][1], required=False, widget=_area())
    will_change = forms.CharField(label=QUESTIONS[2][1], required=False, widget=_area())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any((data.get(key) or "").strip() for key, _question in QUESTIONS):
            raise forms.ValidationError(_("Answer at least one of the three questions."))
        return data


class SynthesisForm(forms.Form):
    worked = forms.CharField(label=_("What worked well"), required=False, widget=_area(8))
    did_not_work = forms.CharField(label=_("What did not work"), required=False,
                                   widget=_area(8))
    will_change = forms.CharField(label=_("What partners will change"), required=False,
                                  widget=_area(8))
    themes = forms.CharField(label=_("Recurring themes, one a line"), required=False,
                             widget=_area(5))


class EvaluationForm(forms.Form):
    """A score field per criterion of the alliance, and a comment."""

    comment = forms.CharField(label=_("Comment"), required=False, widget=_area())

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name, help_text=criterion.description, coerce=int,
                choices=[("", "–"), *((value, value)
                                      for value in range(1, criterion.scale_max + 1))])
        self.order_fields([*(f"score_{c.pk}" for c in criteria), "comment"])

    def scores(self) -> dict[Criterion, int]:
        return {c: self.cleaned_data[f"score_{c.pk}"] for c in self.criteria}


class _NamedOnce(forms.ModelForm):
    """A name used once per alliance (the alliance is set on the instance, not in the form)."""

    def clean_name(self) -> str:
        name = str(self.cleaned_data.get("name") or "").strip()
        model = type(self.instance)
        alliance_id = getattr(self.instance, "alliance_id", None)
        if model._default_manager.filter(alliance_id=alliance_id, name__iexact=name).exclude(
                pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This alliance already has one by that name."))
        return name


class CriterionForm(_NamedOnce):
    class Meta:
        model = Criterion
        fields = ["name", "description", "scale_max", "order"]
        widgets = {"description": _area(2)}


class PolicyForm(forms.Form):
    poor_below = forms.DecimalField(label=_("Poor performance: an average below"),
                                    min_value=Decimal(1), max_value=Decimal(5),
                                    decimal_places=2, max_digits=3,
                                    help_text=_("On a scale of 1 to 5."))


class ActionForm(forms.ModelForm):
    class Meta:
        model = PerformanceAction
        fields = ["what", "by_whom", "by_when", "outcome"]
        widgets = {"what": _area(3), "outcome": _area(3), "by_when": DATE}


class ResponsibilitiesForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["responsibilities"]
        widgets = {"responsibilities": _area(6)}


class BudgetLineForm(_NamedOnce):
    class Meta:
        model = BudgetLine
        fields = ["name", "amount_usd", "order"]


class _InAlliance(forms.ModelForm):
    """Partner and budget line offered from this alliance only; the currency in capitals."""

    def __init__(self, *args: Any, alliance: Alliance, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = (  # type: ignore[attr-defined]
            Partner.objects.filter(alliance=alliance).select_related("organisation"))
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
