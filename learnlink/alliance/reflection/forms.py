"""Forms for a partner's reflection and the synthesis drawn from them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.forms import area
from learnlink.alliance.models.reflection import QUESTIONS


class ReflectionForm(forms.Form):
    worked = forms.CharField(label=QUESTIONS[0][1], required=False, widget=area())
    did_not_work = forms.CharField(label=QUESTIONS[1][1], required=False, widget=area())
    will_change = forms.CharField(label=QUESTIONS[2][1], required=False, widget=area())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any((data.get(key) or "").strip() for key, _question in QUESTIONS):
            raise forms.ValidationError(_("Answer at least one of the three questions."))
        return data


class SynthesisForm(forms.Form):
    worked = forms.CharField(label=_("What worked well"), required=False, widget=area(8))
    did_not_work = forms.CharField(label=_("What did not work"), required=False,
                                   widget=area(8))
    will_change = forms.CharField(label=_("What partners will change"), required=False,
                                  widget=area(8))
    themes = forms.CharField(label=_("Recurring themes, one a line"), required=False,
                             widget=area(5))
