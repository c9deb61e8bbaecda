"""Forms for action plans and tasks: they validate, nothing more. Dates inside the cycle
are checked by the models' `clean`, which ModelForms call."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.forms import DATE, StepChoice, guide_steps
from learnlink.alliance.models import ActionPlan, Partner, Task
from learnlink.people.models import Person


class PlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["summary", "steps"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["steps"] = StepChoice(queryset=guide_steps(), required=False,
                                          widget=forms.CheckboxSelectMultiple,
                                          label=_("Guide steps put into practice"))


def owners(partner: Partner) -> QuerySet[Person]:
    """Who may own a team's task: its people, and the alliance's coordinators and
    facilitators, who sometimes take a task on for a team."""
    return Person.objects.filter(
        Q(alliance_roles__partner=partner)
        | Q(affiliations__organisation_id=partner.organisation_id)
        | Q(alliance_roles__alliance_id=partner.alliance_id,
            alliance_roles__role__in=["coordinator", "facilitator"])).distinct().order_by("name")


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "owner", "due", "deliverable", "step"]
        widgets = {"due": DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners(  # type: ignore[attr-defined]
            self.instance.plan.partner)
        self.fields["step"].queryset = guide_steps()  # type: ignore[attr-defined]


class DoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE)


class DropForm(forms.Form):
    reason = forms.CharField(label=_("Why it is dropped"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))
