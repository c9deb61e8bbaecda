"""What the labels form of a thread page sends: which button ("<message pk> <label>")."""

from __future__ import annotations

from django import forms

from learnlink.drafting.labels import LABELS
from learnlink.mentoring.labels.corrections import CONFIRM


class LabelClickForm(forms.Form):
    set = forms.RegexField(regex=rf"^\d{{1,18}} (?:{'|'.join((*LABELS, CONFIRM))})$")
    page = forms.IntegerField(min_value=1, required=False)

    def message_pk(self) -> int:
        return int(self.cleaned_data["set"].split()[0])

    def label(self) -> str:
        return str(self.cleaned_data["set"].split()[1])
