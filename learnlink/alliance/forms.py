"""What the alliance's forms share: the date widget, text areas, names used once per
alliance, guide steps to choose from, and the form a coordinator plans the next cycle with."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Max, QuerySet
from django.utils.translation import gettext_lazy as _

from learnlink.alliance.models import Alliance, Cycle, GuideStep

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def area(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class NamedOnce(forms.ModelForm):
    """A name used once per alliance (the alliance is set on the instance, not in the form)."""

    def clean_name(self) -> str:
        name = str(self.cleaned_data.get("name") or "").strip()
        model = type(self.instance)
        alliance_id = getattr(self.instance, "alliance_id", None)
        if model._default_manager.filter(alliance_id=alliance_id, name__iexact=name).exclude(
                pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This alliance already has one by that name."))
        return name


def guide_steps() -> QuerySet[GuideStep]:
    return GuideStep.objects.select_related("guide").order_by("guide__title", "number")


class StepChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.guide.title}: {obj.number}. {obj.title}"


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
