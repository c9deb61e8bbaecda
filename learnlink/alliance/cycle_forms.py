"""The form a coordinator plans the next cycle with."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Max

from learnlink.alliance.models import Alliance, Cycle
from learnlink.alliance.plan_forms import DATE


class CycleForm(forms.ModelForm):
    """The next cycle of `alliance`, numbered after the last; the model refuses dates that
    overlap another cycle, with a message naming it."""

    class Meta:
        model = Cycle
        fields = ["theme", "start", "end"]
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args: Any, alliance: Alliance, **kwargs: Any) -> None:
        last = alliance.cycles.aggregate(last=Max("number"))["last"] or 0
        kwargs["instance"] = Cycle(alliance=alliance, number=last + 1)
        super().__init__(*args, **kwargs)
