"""The dashboard's one form: how long a group's questions may wait for an answer."""

from django import forms
from django.utils.translation import gettext_lazy as _


class AnswerDaysForm(forms.Form):
    answer_days = forms.IntegerField(
        label=_("Show a question nobody answered after (days)"), min_value=1, max_value=90)
