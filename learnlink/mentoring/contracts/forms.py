"""The contract's form: its title and cycle, and its commitments as a list to edit without
JavaScript (each row's text, the figure that measures it, its place in the order, a box to
remove it, and two empty rows to add one). The form only validates; actions.py writes."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models import Group
from learnlink.mentoring.contracts.actions import Commitment, Terms
from learnlink.mentoring.models import CommitmentKind, Contract, ContractCommitment

EMPTY_ROWS = 2


class ContractForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts = forms.DateField(label=_("Starts"), widget=forms.DateInput(attrs={"type": "date"}))
    ends = forms.DateField(label=_("Ends"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, group: Group, contract: Contract | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group, self.contract = group, contract

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends <= starts:
            self.add_error("ends", _("A contract ends after it starts."))
        if starts and self._another_starts(starts):
            self.add_error("starts", _("Another contract of this group starts that day."))
        return data

    def _another_starts(self, starts: datetime.date) -> bool:
        others = Contract.objects.filter(group=self.group, starts=starts)
        return (others.exclude(pk=self.contract.pk) if self.contract else others).exists()


class CommitmentForm(forms.Form):
    text = forms.CharField(label=_("Commitment"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Measured by"), required=False,
                             choices=[("", _("no figure")), *CommitmentKind.choices])


class BaseCommitmentFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        super().clean()
        if not any(self.errors) and not self.commitments():
            raise forms.ValidationError(_("A contract needs at least one commitment."))

    def commitments(self) -> list[Commitment]:
        """The rows kept, in the order asked for, without the empty ones."""
        return [Commitment(form.cleaned_data["text"].strip(), form.cleaned_data["kind"])
                for form in self.ordered_forms if form.cleaned_data.get("text", "").strip()]


CommitmentFormSet = formset_factory(CommitmentForm, formset=BaseCommitmentFormSet,
                                    extra=EMPTY_ROWS, can_order=True, can_delete=True)


def commitment_rows(commitments: list[Commitment | ContractCommitment]) -> list[dict[str, Any]]:
    return [{"text": c.text, "kind": c.kind, "ORDER": place}
            for place, c in enumerate(commitments, start=1)]


def terms(form: ContractForm, formset: Any) -> Terms:
    data = form.cleaned_data
    return Terms(data["title"].strip(), data["starts"], data["ends"], formset.commitments())
