"""Forms for learning spaces and their attendance: they validate, nothing more. Dates
inside the cycle are checked by the models' `clean`, which ModelForms call."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.forms import DATE, StepChoice, guide_steps
from learnlink.alliance.models import Alliance, LearningSpace
from learnlink.people.models import Person, Place


def alliance_people(alliance: Alliance) -> QuerySet[Person]:
    return Person.objects.filter(alliance_roles__alliance=alliance).distinct().order_by("name")


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
        self.people = alliance_people(alliance)
        for name in ("invited", "attended"):
            self.fields[name].queryset = self.people  # type: ignore[attr-defined]

    def rows(self, space: LearningSpace) -> list[tuple[Person, bool, bool]]:
        """The form's table: each of the alliance's people, ticked invited and attended as the
        space's record stands."""
        saved = {a.person_id: a.attended for a in space.attendance.all()}
        return [(person, person.pk in saved, bool(saved.get(person.pk)))
                for person in self.people]
