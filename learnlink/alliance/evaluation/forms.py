"""Forms for performance evaluation: scores, criteria, the poor-performance line and the
actions taken."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.forms import DATE, NamedOnce, area
from learnlink.alliance.models import Criterion, Evaluation, PerformanceAction


class EvaluationForm(forms.Form):
    """A score field per criterion of the alliance, and a comment; filled with `recorded`,
    the evaluation recorded before, if any."""

    comment = forms.CharField(label=_("Comment"), required=False, widget=area())

    def __init__(self, *args: Any, criteria: list[Criterion], recorded: Evaluation | None,
                 **kwargs: Any) -> None:
        if recorded is not None:
            kwargs["initial"] = {f"score_{s.criterion_id}": s.value
                                 for s in recorded.scores.all()} | {"comment": recorded.comment}
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


class CriterionForm(NamedOnce):
    class Meta:
        model = Criterion
        fields = ["name", "description", "scale_max", "order"]
        widgets = {"description": area(2)}


class PolicyForm(forms.Form):
    poor_below = forms.DecimalField(label=_("Poor performance: an average below"),
                                    min_value=Decimal(1), max_value=Decimal(5),
                                    decimal_places=2, max_digits=3,
                                    help_text=_("On a scale of 1 to 5."))


class ActionForm(forms.ModelForm):
    class Meta:
        model = PerformanceAction
        fields = ["what", "by_whom", "by_when", "outcome"]
        widgets = {"what": area(3), "outcome": area(3), "by_when": DATE}
