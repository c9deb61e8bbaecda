"""Forms of the exchange app: they validate, nothing more."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason, sent to the sender"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200)
    group = forms.SlugField(label=_("Group"), required=False)
    sender = forms.CharField(label=_("From"), required=False, max_length=100)
    since = forms.DateField(label=_("Since"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
