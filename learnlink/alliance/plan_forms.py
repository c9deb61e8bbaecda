"""Forms for learning spaces, attendance, action plans and tasks: they validate, nothing more.
Dates inside the cycle are checked by the models' `clean`, which ModelForms call."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models import (
    ActionPlan,
    Alliance,
    GuideStep,
    LearningSpace,
    Partner,
    Task,
)
from learnlink.people.models import Person, Place

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def alliance_people(alliance: Alliance) -> QuerySet[Person]:
    return Person.objects.filter(alliance_roles__alliance=alliance).distinct().order_by("name")


def guide_steps() -> QuerySet[GuideStep]:
    return GuideStep.objects.select_related("guide").order_by("guide__title", "number")


class StepChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.guide.title}: {obj.number}. {obj.title}"


class SpaceForm(forms.ModelForm):
    class Meta:
        model = LearningSpace
        fields = ["kind", "title", "start", "end", "place", "place_name", "description",
                  "facilitators", "steps"]
        widgets = {"start": DATE, "end": DATE,
                   "description": forms.Textarea(attrs={"rows": 4}),
                   "facilitators": forms.CheckboxSelectMultiple,
                   "steps": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, alliance: Alliance, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.filter(  # type: ignore[attr-defined]
            kind__in=["country", "region", "district"]).order_by("name")
        self.fields["facilitators"].queryset = alliance_people(alliance)  # type: ignore[attr-defined]
        self.fields["steps"] = StepChoice(queryset=guide_steps(), required=False,
                                          widget=forms.CheckboxSelectMultiple,
                                          label=_("Guide steps covered"))


class AttendanceForm(forms.Form):
    invited = forms.ModelMultipleChoiceField(queryset=Person.objects.none(), required=False)
    attended = forms.ModelMultipleChoiceField(queryset=Person.objects.none(), required=False)

    def __init__(self, *args: Any, alliance: Alliance, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("invited", "attended"):
            self.fields[name].queryset = alliance_people(alliance)  # type: ignore[attr-defined]


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
